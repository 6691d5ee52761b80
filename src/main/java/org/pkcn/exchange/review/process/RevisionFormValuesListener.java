package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pkcn.exchange.process.ProposalVariables;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/**
 * On creating "Revise proposal": the proposal's current fields, from the registry, as variables of the review
 * (not of the task), so that the revision form (forms/revise-proposal.form) opens filled in and the values it
 * submits land where "Record resubmission" reads them; and the task's list columns ({@link TaskListColumns}).
 * Only a review that asks for changes holds the fields; a review that decides at once holds none.
 */
@Component("revisionFormValues")
class RevisionFormValuesListener implements TaskListener {

    private final ProposalRegistry registry;

    RevisionFormValuesListener(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        Proposal proposal = registry.get((String) task.getVariable(REFERENCE));
        ProposalVariables.writeTo(task.getExecution(), proposal.details());
        TaskListColumns.writeTo(task, proposal);
    }
}
