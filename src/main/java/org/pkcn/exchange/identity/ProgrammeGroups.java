package org.pkcn.exchange.identity;

import java.util.List;
import org.pkcn.exchange.review.Party;
import org.camunda.bpm.engine.authorization.Groups;

/** The groups of the programme: who they are is fixed; who belongs to them is the administrators' business. */
public final class ProgrammeGroups {

    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    public static final String STZA_REVIEWERS = "stza-reviewers";
    public static final String STZA_SUPERVISORS = "stza-supervisors";
    public static final String ZBRA_REVIEWERS = "zbra-reviewers";
    public static final String ZBRA_SUPERVISORS = "zbra-supervisors";
    public static final String APPLICANTS = "applicants";

    /** Reviewers and supervisors of both parties: the people who work review tasks. */
    public static final List<String> REVIEW_GROUPS = List.of(STZA_REVIEWERS, STZA_SUPERVISORS, ZBRA_REVIEWERS,
            ZBRA_SUPERVISORS);

    record Definition(String id, String name, String type) {
    }

    /**
     * A party's review space (an engine tenant): its reviewers and supervisors work there, and applicants
     * answer that party's change requests there.
     */
    record Space(String id, String name, List<String> groups) {
    }

    static final List<Space> SPACES = List.of(
            new Space(Party.STZA.reviewSpace(), "STZA reviews", List.of(STZA_REVIEWERS, STZA_SUPERVISORS, APPLICANTS)),
            new Space(Party.ZBRA.reviewSpace(), "ZBRA reviews", List.of(ZBRA_REVIEWERS, ZBRA_SUPERVISORS, APPLICANTS)));

    static final List<Definition> DEFINITIONS = List.of(
            new Definition(ADMINS, "Administrators", Groups.GROUP_TYPE_SYSTEM),
            new Definition(STZA_REVIEWERS, "STZA reviewers", Groups.GROUP_TYPE_WORKFLOW),
            new Definition(STZA_SUPERVISORS, "STZA supervisors", Groups.GROUP_TYPE_WORKFLOW),
            new Definition(ZBRA_REVIEWERS, "ZBRA reviewers", Groups.GROUP_TYPE_WORKFLOW),
            new Definition(ZBRA_SUPERVISORS, "ZBRA supervisors", Groups.GROUP_TYPE_WORKFLOW),
            new Definition(APPLICANTS, "Applicants", Groups.GROUP_TYPE_WORKFLOW));

    private ProgrammeGroups() {
    }
}
