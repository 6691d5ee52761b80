package org.pkcn.exchange.review;

import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a reviewer's decision into the proposal's next status: STZA's approval opens ZBRA's review,
 * ZBRA's approval is the programme's; a rejection or a change request stops or returns the proposal.
 */
@Service
@Transactional
public class Reviews {

    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    /** As long as the history's comment column, and as the review form allows. */
    public static final int MAX_COMMENT = 4000;

    private final ProposalRegistry registry;

    public Reviews(ProposalRegistry registry) {
        this.registry = registry;
    }

    public void decide(String reference, Party party, String decisionName, String comment, String reviewer) {
        ReviewDecision decision = parse(decisionName);
        String reason = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision.needsComment() && reason == null) {
            throw new InvalidDecisionException(COMMENT, "is required when the decision is " + decision
                    + ": the applicant and the other party need to know why");
        }
        if (reason != null && reason.length() > MAX_COMMENT) {
            throw new InvalidDecisionException(COMMENT, "must be at most " + MAX_COMMENT + " characters (it has "
                    + reason.length() + ")");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new InvalidDecisionException("reviewer", "is unknown: a decision is taken by a signed-in reviewer");
        }
        switch (decision) {
            case APPROVE -> {
                if (party == Party.STZA) {
                    registry.approveForStza(reference, reviewer, reason);
                } else {
                    registry.approve(reference, party.name(), reviewer, reason);
                }
            }
            case REJECT -> registry.reject(reference, party.name(), reviewer, reason);
            case REQUEST_CHANGES -> registry.requestChanges(reference, party.name(), reviewer, reason);
        }
    }

    private static ReviewDecision parse(String decisionName) {
        if (decisionName == null || decisionName.isBlank()) {
            throw new InvalidDecisionException(DECISION, "is required: APPROVE, REJECT or REQUEST_CHANGES");
        }
        try {
            return ReviewDecision.valueOf(decisionName.strip().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidDecisionException(DECISION, "must be APPROVE, REJECT or REQUEST_CHANGES (not '"
                    + decisionName + "')");
        }
    }
}
