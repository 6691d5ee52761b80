package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.COMMENT;
import static org.pkcn.exchange.process.ExchangeProposalProcess.DECISION;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROPOSAL_BUDGET;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROPOSAL_HISTORY;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalDisplay;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/**
 * On creating "Review proposal": what the review form (forms/review-proposal.form) shows besides the proposal's
 * own variables, as task-local variables that end with the task: the registry's history of the proposal (its
 * newest lines, when all would not fit in a String variable; each resubmission with the fields it changed) and
 * its budget with the currency.
 *
 * <p>It also clears the decision and comment of an earlier round (STZA's, seen by ZBRA's review, or the change
 * request before a resubmission): the Tasklist fills a form from the variables it sees, and a reviewer must
 * not find a decision already chosen. They stay on record in the registry's history.
 */
@Component("reviewTaskDisplay")
class ReviewTaskDisplayListener implements TaskListener {

    /** The engine keeps a String variable in a column of 4000 characters. */
    static final int LONGEST_TEXT_VARIABLE = 4000;

    private final ProposalRegistry registry;

    ReviewTaskDisplayListener(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        Proposal proposal = registry.get((String) task.getVariable(REFERENCE));
        task.setVariableLocal(PROPOSAL_HISTORY, ProposalDisplay.history(proposal.history(), proposal.versions(),
                LONGEST_TEXT_VARIABLE));
        task.setVariableLocal(PROPOSAL_BUDGET, ProposalDisplay.budget(proposal.details()));
        task.getExecution().removeVariable(DECISION);
        task.getExecution().removeVariable(COMMENT);
    }
}
