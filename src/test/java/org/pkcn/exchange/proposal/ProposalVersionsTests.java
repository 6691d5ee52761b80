package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.proposal.ProposalFields.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.process.SampleProposals;

/** A resubmission keeps the version it replaces, so each review round can be read again and compared. */
class ProposalVersionsTests {

    private static final Instant SUBMITTED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant FIRST_REVISION = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant SECOND_REVISION = Instant.parse("2026-12-04T16:30:00Z");
    private final ProposalValidator validator = new ProposalValidator(Clock.fixed(SUBMITTED, ZoneOffset.UTC));

    @Test
    void aNewProposal_hasOneVersion_theCurrentOne_withEveryFieldNew() {
        Proposal proposal = Proposal.submit(details(SampleProposals.jointAiResearch()), "applicant", SUBMITTED);

        assertThat(proposal.versions()).singleElement().satisfies(version -> {
            assertThat(version.number()).isEqualTo(1);
            assertThat(version.current()).isTrue();
            assertThat(version.submittedBy()).isEqualTo("applicant");
            assertThat(version.submittedAt()).isEqualTo(SUBMITTED);
            assertThat(version.changedFields()).isEqualTo(ProposalFields.ALL);
        });
    }

    @Test
    void twoRevisions_keepThreeVersions_eachWithWhatChangedSinceTheOneBefore() {
        Map<String, Object> first = SampleProposals.jointAiResearch();
        Map<String, Object> second = SampleProposals.with(first, OBJECTIVES, "A pilot in the Lahore and Faisalabad mills.");
        Map<String, Object> third = SampleProposals.with(SampleProposals.with(second, BUDGET_AMOUNT, "90000"),
                DURATION_MONTHS, 9);
        Proposal proposal = Proposal.submit(details(first), "applicant", SUBMITTED);

        proposal.requestChanges("STZA", "stza-reviewer", "Name the mills.", SUBMITTED.plusSeconds(60));
        proposal.resubmit(details(second), "applicant", FIRST_REVISION);
        proposal.requestChanges("ZBRA", "zbra-reviewer", "A smaller budget, please.", FIRST_REVISION.plusSeconds(60));
        proposal.resubmit(details(third), "applicant", SECOND_REVISION);

        var versions = proposal.versions();
        assertThat(versions).extracting(SubmittedVersion::number).containsExactly(1, 2, 3);
        assertThat(versions).extracting(SubmittedVersion::submittedAt)
                .containsExactly(SUBMITTED, FIRST_REVISION, SECOND_REVISION);
        assertThat(versions).extracting(SubmittedVersion::replacedAt)
                .containsExactly(FIRST_REVISION, SECOND_REVISION, null);
        assertThat(versions.get(0).details().objectives()).isEqualTo(first.get(OBJECTIVES));
        assertThat(versions.get(1).changedFields()).containsExactly(OBJECTIVES);
        assertThat(versions.get(2).changedFields()).containsExactly(DURATION_MONTHS, BUDGET_AMOUNT);
        assertThat(versions.get(2).details()).isEqualTo(proposal.details());
    }

    /** A proposal resubmitted before the registry kept versions: its earlier versions are not on record. */
    @Test
    void aVersionWhosePredecessorIsNotOnRecord_claimsNoChanges() {
        ProposalDetails details = details(SampleProposals.jointAiResearch());
        SubmittedVersion first = SubmittedVersion.of(1, "applicant", SUBMITTED, FIRST_REVISION, details, null);

        SubmittedVersion third = SubmittedVersion.of(3, "applicant", SECOND_REVISION, null, details, first);

        assertThat(first.changedFields()).isEqualTo(ProposalFields.ALL);
        assertThat(third.changedFields()).isNull();
        List<StatusChange> history = List.of(submission(ProposalStatus.SUBMITTED, SUBMITTED),
                submission(ProposalStatus.RESUBMITTED, FIRST_REVISION),
                submission(ProposalStatus.RESUBMITTED, SECOND_REVISION));
        assertThat(ProposalDisplay.history(history, List.of(third), 4000).lines())
                .allMatch(line -> !line.contains("changed"));
    }

    private static StatusChange submission(ProposalStatus status, Instant at) {
        return new StatusChange(null, status, "applicant", null, null, at);
    }

    @Test
    void theSameAmountWrittenDifferently_isNoChange() {
        ProposalDetails before = details(SampleProposals.with(SampleProposals.jointAiResearch(), BUDGET_AMOUNT, "90000"));
        ProposalDetails after = details(SampleProposals.with(SampleProposals.jointAiResearch(), BUDGET_AMOUNT, "90000.00"));

        assertThat(after.fieldsChangedSince(before)).isEmpty();
    }

    /** The changed fields are named as everywhere else: the record's components are ProposalFields' names. */
    @Test
    void theDetailsFields_areTheFieldsEveryWayInNames() {
        assertThat(Arrays.stream(ProposalDetails.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyElementsOf(ProposalFields.ALL);
    }

    private ProposalDetails details(Map<String, Object> fields) {
        return validator.validate(fields);
    }
}
