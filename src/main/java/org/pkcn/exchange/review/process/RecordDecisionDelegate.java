package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pkcn.exchange.review.Party;
import org.pkcn.exchange.review.ReviewDecision;
import org.pkcn.exchange.review.Reviews;
import org.springframework.stereotype.Component;

/**
 * "Record decision": the reviewer's decision goes into the registry in the task's own transaction;
 * a decision the domain refuses (a rejection without a reason) leaves the task open.
 */
@Component("recordDecision")
class RecordDecisionDelegate implements JavaDelegate {

    private static final Map<ReviewDecision, String> OUTCOMES = Map.of(
            ReviewDecision.APPROVE, "APPROVED",
            ReviewDecision.REJECT, "REJECTED",
            ReviewDecision.REQUEST_CHANGES, "CHANGES_REQUESTED");

    private final Reviews reviews;

    RecordDecisionDelegate(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = (String) execution.getVariable(DECISION);
        reviews.decide((String) execution.getVariable(REFERENCE), Party.valueOf((String) execution.getVariable(PARTY)),
                decision, (String) execution.getVariable(COMMENT), (String) execution.getVariable(DECIDED_BY));
        execution.setVariable(REVIEW_OUTCOME, OUTCOMES.get(ReviewDecision.valueOf(decision.strip().toUpperCase())));
    }
}
