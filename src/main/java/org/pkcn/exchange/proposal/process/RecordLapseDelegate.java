package org.pkcn.exchange.proposal.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REVIEW_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** "Record lapse": no revision came within the window; the review ends with the outcome LAPSED. */
@Component("recordLapse")
class RecordLapseDelegate implements JavaDelegate {

    private final ProposalRegistry registry;

    RecordLapseDelegate(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registry.lapse((String) execution.getVariable(REFERENCE));
        execution.setVariable(REVIEW_OUTCOME, ProposalStatus.LAPSED.name());
    }
}
