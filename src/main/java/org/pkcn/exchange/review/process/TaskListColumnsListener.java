package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_APPLICANT_NAME;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_SECTOR;
import static org.pkcn.exchange.process.ExchangeProposalProcess.LIST_TITLE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/**
 * On creating "Review proposal" or "Revise proposal": task-local copies of what the Tasklist filters show as
 * columns ({@link TasklistFilters}): the reference, the title, the applicant organisation and the sector, as the
 * registry has them now (the review process holds no copy of the proposal's fields).
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

    private final ProposalRegistry registry;

    TaskListColumnsListener(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = (String) task.getVariable(REFERENCE);
        ProposalDetails details = registry.get(reference).details();
        task.setVariableLocal(LIST_REFERENCE, reference);
        task.setVariableLocal(LIST_TITLE, details.title());
        task.setVariableLocal(LIST_APPLICANT_NAME, details.applicantName());
        task.setVariableLocal(LIST_SECTOR, details.sector().name());
    }
}
