package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.DECIDED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Review proposal": notes its assignee as the one deciding. "Record decision", next in
 * the same transaction, checks that this is the signed-in user (the engine wraps a task listener's
 * exceptions into server errors; a delegate's reach the caller as they are, a refusal as 403).
 */
@Component("reviewerOfRecord")
class ReviewerOfRecordListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(DECIDED_BY, task.getAssignee());
    }
}
