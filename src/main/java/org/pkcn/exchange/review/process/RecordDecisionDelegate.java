package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.pkcn.exchange.review.Party;
import org.pkcn.exchange.review.ReviewDecision;
import org.pkcn.exchange.review.Reviews;
import org.springframework.stereotype.Component;

/**
 * "Record decision": the reviewer's decision goes into the registry in the task's own transaction;
 * a decision the domain refuses (a rejection without a reason) leaves the task open.
 *
 * <p>Only the task's assignee decides. The engine itself lets anyone with access complete a task
 * assigned to someone else; this step refuses that, and a decision on an unclaimed task, with 403
 * through the REST API and the Tasklist alike. Without a signed-in user (the engine's own work,
 * tests) the assignee is still required.
 */
@Component("recordDecision")
class RecordDecisionDelegate implements JavaDelegate {

    private static final Map<ReviewDecision, String> OUTCOMES = Map.of(
            ReviewDecision.APPROVE, "APPROVED",
            ReviewDecision.REJECT, "REJECTED",
            ReviewDecision.REQUEST_CHANGES, "CHANGES_REQUESTED");

    private final Reviews reviews;
    private final IdentityService identityService;

    RecordDecisionDelegate(Reviews reviews, IdentityService identityService) {
        this.reviews = reviews;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = (String) execution.getVariable(REFERENCE);
        String assignee = (String) execution.getVariable(DECIDED_BY);
        requireAssigneeDecides(reference, assignee);
        String decision = (String) execution.getVariable(DECISION);
        reviews.decide(reference, Party.valueOf((String) execution.getVariable(PARTY)), decision,
                (String) execution.getVariable(COMMENT), assignee);
        execution.setVariable(REVIEW_OUTCOME, OUTCOMES.get(ReviewDecision.valueOf(decision.strip().toUpperCase())));
    }

    private void requireAssigneeDecides(String reference, String assignee) {
        // Authentication is the return type of the public IdentityService.getCurrentAuthentication().
        Authentication current = identityService.getCurrentAuthentication();
        String user = current == null ? null : current.getUserId();
        if (assignee == null) {
            throw new AuthorizationException("Claim the task before deciding: the review of " + reference
                    + " is not assigned to anyone.");
        }
        if (user != null && !user.equals(assignee)) {
            throw new AuthorizationException("Only " + assignee + ", to whom the review of " + reference
                    + " is assigned, may decide it; " + user + " may decide it once it is handed over.");
        }
    }
}
