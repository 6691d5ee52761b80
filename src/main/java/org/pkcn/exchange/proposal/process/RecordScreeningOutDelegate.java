package org.pkcn.exchange.proposal.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.SCREENING;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/** "Record screening out": the eligibility table's reason goes into the proposal's history. */
@Component("recordScreeningOut")
class RecordScreeningOutDelegate implements JavaDelegate {

    private final ProposalRegistry registry;

    RecordScreeningOutDelegate(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> screening = (Map<?, ?>) execution.getVariable(SCREENING);
        registry.screenOut((String) execution.getVariable(REFERENCE), String.valueOf(screening.get("reason")));
    }
}
