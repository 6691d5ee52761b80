package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_APPLICANT_NAME;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_SECTOR;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_TITLE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pkcn.exchange.proposal.Proposal;

/**
 * What the Tasklist filters show as a task's columns ({@link TasklistFilters}): task-local copies of the reference,
 * the title, the applicant organisation and the sector, written by each user task's create listener from the
 * proposal it has just read from the registry (the review process holds no copy of the proposal's fields).
 *
 * <p>The Tasklist reads a list's columns with a variable query, and the engine shows a process variable only to
 * those with READ on the whole process instance (or READ_INSTANCE on its definition): reviewers and applicants
 * have neither, and should not, so their lists would show empty columns. A task-local variable is shown to
 * whoever may read the task, which is exactly who finds the task in a list (STZA never sees ZBRA's tasks, nor
 * their columns). The copies end with the task; their names differ from the proposal's fields, because the engine
 * writes a submitted form value into a task-local variable of the same name, where it would be lost.
 */
final class TaskListColumns {

    private TaskListColumns() {
    }

    static void writeTo(DelegateTask task, Proposal proposal) {
        task.setVariableLocal(LIST_REFERENCE, proposal.reference());
        task.setVariableLocal(LIST_TITLE, proposal.details().title());
        task.setVariableLocal(LIST_APPLICANT_NAME, proposal.details().applicantName());
        task.setVariableLocal(LIST_SECTOR, proposal.details().sector().name());
    }
}
