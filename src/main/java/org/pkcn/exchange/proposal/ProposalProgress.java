package org.pkcn.exchange.proposal;

import java.time.Instant;

/**
 * Where an open proposal waits, since when, and whose move it is: a party's review (that party's
 * reviewers), or the applicant's revision after a party asked for changes. A closed proposal waits for
 * nobody. Derived from the registry alone, so a list of proposals needs no query to the process engine.
 */
public record ProposalProgress(Step step, String party, Instant since) {

    public enum Step {
        /** The party's reviewers decide. */
        REVIEW,
        /** The applicant revises and resubmits, as the party asked. */
        REVISION,
        /** Decided, withdrawn, lapsed or screened out: nothing more happens. */
        CLOSED
    }

    public static ProposalProgress of(Proposal proposal) {
        Instant since = proposal.lastChangedAt();
        return switch (proposal.status()) {
            case SUBMITTED -> new ProposalProgress(Step.REVIEW, "STZA", since);
            case STZA_APPROVED -> new ProposalProgress(Step.REVIEW, "ZBRA", since);
            case CHANGES_REQUESTED -> new ProposalProgress(Step.REVISION, proposal.latestChange().party(), since);
            // Back to the party that asked for the changes.
            case RESUBMITTED -> new ProposalProgress(Step.REVIEW,
                    proposal.latest(ProposalStatus.CHANGES_REQUESTED).map(StatusChange::party).orElse("STZA"), since);
            case SCREENED_OUT, APPROVED, REJECTED, WITHDRAWN, LAPSED -> new ProposalProgress(Step.CLOSED, null, since);
        };
    }

    public boolean waitsForApplicant() {
        return step == Step.REVISION;
    }
}
