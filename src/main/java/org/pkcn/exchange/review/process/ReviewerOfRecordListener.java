package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.DECIDED_BY;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing "Review proposal": only its assignee decides, and the history says who. The engine
 * itself lets anyone with access complete a task assigned to someone else; this listener refuses that
 * (403 through the REST API and the Tasklist alike), and refuses a decision on an unclaimed task.
 * Without a signed-in user (the engine's own work, tests) the assignee is still required.
 */
@Component("reviewerOfRecord")
class ReviewerOfRecordListener implements TaskListener {

    private final IdentityService identityService;

    ReviewerOfRecordListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        // Authentication is the return type of the public IdentityService.getCurrentAuthentication().
        Authentication current = identityService.getCurrentAuthentication();
        String user = current == null ? null : current.getUserId();
        if (assignee == null) {
            throw new AuthorizationException("Claim the task before deciding: the review of "
                    + task.getVariable("reference") + " is not assigned to anyone.");
        }
        if (user != null && !user.equals(assignee)) {
            throw new AuthorizationException("Only " + assignee + ", to whom the review of "
                    + task.getVariable("reference") + " is assigned, may decide it; " + user
                    + " may claim it only if it is handed over.");
        }
        task.setVariable(DECIDED_BY, assignee);
    }
}
