package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.COMMENT;
import static org.pkcn.exchange.process.ExchangeProposalProcess.DECISION;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROPOSAL_EXPECTED_OUTCOMES;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROPOSAL_HISTORY;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROPOSAL_OBJECTIVES;
import static org.pkcn.exchange.process.ExchangeProposalProcess.PROPOSAL_SUMMARY;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalDisplay;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/**
 * On creating "Review proposal": the proposal as the review form (forms/review-proposal.form) shows it, read from
 * the registry, as task-local variables that end with the task: a summary of its fields, its objectives and
 * expected outcomes as typed, and its history (its newest lines, when all would not fit in a String variable;
 * each resubmission with the fields it changed); and the task's list columns ({@link TaskListColumns}), from the
 * same read. The review process itself holds no copy of the fields: a reviewer always sees the registry's current
 * version, and a waiting review holds these variables instead of the proposal's twenty-odd (README "Performance").
 *
 * <p>It also clears the decision and comment of an earlier round (the change request before a resubmission): the
 * Tasklist fills a form from the variables it sees, and a reviewer must not find a decision already chosen. They
 * stay on record in the registry's history.
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
        task.setVariableLocal(PROPOSAL_SUMMARY, ProposalDisplay.summary(proposal.reference(), proposal.details()));
        task.setVariableLocal(PROPOSAL_OBJECTIVES, proposal.details().objectives());
        task.setVariableLocal(PROPOSAL_EXPECTED_OUTCOMES, proposal.details().expectedOutcomes());
        task.setVariableLocal(PROPOSAL_HISTORY, ProposalDisplay.history(proposal.history(), proposal.versions(),
                LONGEST_TEXT_VARIABLE));
        TaskListColumns.writeTo(task, proposal);
        task.getExecution().removeVariable(DECISION);
        task.getExecution().removeVariable(COMMENT);
    }
}
