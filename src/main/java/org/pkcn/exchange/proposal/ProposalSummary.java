package org.pkcn.exchange.proposal;

import java.time.Instant;

/** One line of "My proposals". */
public record ProposalSummary(String reference, String title, ProposalStatus status, Instant submittedAt,
        ProposalProgress progress) {

    static ProposalSummary of(Proposal proposal) {
        return new ProposalSummary(proposal.reference(), proposal.details().title(), proposal.status(),
                proposal.submittedAt(), ProposalProgress.of(proposal));
    }
}
