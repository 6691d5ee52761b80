package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_APPLICANT_NAME;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_SECTOR;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_TITLE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;
import static org.pkcn.exchange.proposal.ProposalFields.APPLICANT_NAME;
import static org.pkcn.exchange.proposal.ProposalFields.SECTOR;
import static org.pkcn.exchange.proposal.ProposalFields.TITLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating "Review proposal" or "Revise proposal": task-local copies of what the Tasklist filters show as
 * columns ({@link TasklistFilters}): the reference, the title, the applicant organisation and the sector.
 *
 * <p>The Tasklist reads a list's columns with a variable query, and the engine shows a process variable only to
 * those with READ on the whole process instance (or READ_INSTANCE on its definition): reviewers and applicants
 * have neither, and should not, so their lists would show empty columns. A task-local variable is shown to
 * whoever may read the task, which is exactly who finds the task in a list (STZA never sees ZBRA's tasks, nor
 * their columns). The copies end with the task; their names differ from the proposal's fields, because the engine
 * writes a submitted form value into a task-local variable of the same name, where it would be lost.
 */
@Component("taskListColumns")
class TaskListColumnsListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(LIST_REFERENCE, task.getVariable(REFERENCE));
        task.setVariableLocal(LIST_TITLE, task.getVariable(TITLE));
        task.setVariableLocal(LIST_APPLICANT_NAME, task.getVariable(APPLICANT_NAME));
        task.setVariableLocal(LIST_SECTOR, task.getVariable(SECTOR));
    }
}
