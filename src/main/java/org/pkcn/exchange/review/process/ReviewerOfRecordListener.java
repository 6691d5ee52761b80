package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.DECIDED_BY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing "Review proposal": notes who decided, so the history can say it. That is the task's
 * assignee (a reviewer claims before deciding); without one, the signed-in user.
 */
@Component("reviewerOfRecord")
class ReviewerOfRecordListener implements TaskListener {

    private final IdentityService identityService;

    ReviewerOfRecordListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String reviewer = task.getAssignee();
        if (reviewer == null) {
            Authentication current = identityService.getCurrentAuthentication();
            reviewer = current == null ? null : current.getUserId();
        }
        task.setVariable(DECIDED_BY, reviewer);
    }
}
