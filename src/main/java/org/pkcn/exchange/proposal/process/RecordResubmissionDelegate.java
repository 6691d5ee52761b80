package org.pkcn.exchange.proposal.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.APPLICANT_USER;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pkcn.exchange.process.ProposalVariables;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/**
 * "Record resubmission": the revised fields, validated like a new submission, replace the old ones.
 * Runs in the revision task's transaction, so an invalid revision leaves the task open and nothing stored.
 *
 * <p>The normalised fields are written back to the review and to the exchange process that called it: the
 * exchange process's variables are what an administrator sees of the proposal in Cockpit, and the review hands
 * back only its outcome.
 */
@Component("recordResubmission")
class RecordResubmissionDelegate implements JavaDelegate {

    private final ProposalRegistry registry;

    RecordResubmissionDelegate(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Proposal proposal = registry.resubmit((String) execution.getVariable(REFERENCE),
                ProposalVariables.readRevisionFrom(execution), (String) execution.getVariable(APPLICANT_USER));
        ProposalVariables.writeTo(execution, proposal.details());
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        if (caller != null) {
            ProposalVariables.writeTo(caller, proposal.details());
        }
    }
}
