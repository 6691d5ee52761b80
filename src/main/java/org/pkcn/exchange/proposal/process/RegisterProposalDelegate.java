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
 * "Register proposal": records the submission in the registry, in the start's transaction, so a proposal
 * the registry refuses never becomes a process instance. The reference becomes the business key.
 */
@Component("registerProposal")
class RegisterProposalDelegate implements JavaDelegate {

    private final ProposalRegistry registry;

    RegisterProposalDelegate(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String applicant = (String) execution.getVariable(APPLICANT_USER);
        Proposal proposal = registry.register(ProposalVariables.readFrom(execution), applicant);
        execution.setProcessBusinessKey(proposal.reference());
        execution.setVariable(REFERENCE, proposal.reference());
        ProposalVariables.writeTo(execution, proposal.details());
    }
}
