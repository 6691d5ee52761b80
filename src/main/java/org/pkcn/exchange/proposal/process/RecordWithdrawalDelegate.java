package org.pkcn.exchange.proposal.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.REFERENCE;
import static org.pkcn.exchange.process.ExchangeProposalProcess.WITHDRAWAL_REASON;
import static org.pkcn.exchange.process.ExchangeProposalProcess.WITHDRAWN_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.springframework.stereotype.Component;

/** "Record withdrawal": runs in the transaction of the withdrawal request, so both happen or neither. */
@Component("recordWithdrawal")
class RecordWithdrawalDelegate implements JavaDelegate {

    private final ProposalRegistry registry;

    RecordWithdrawalDelegate(ProposalRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registry.withdraw((String) execution.getVariable(REFERENCE), (String) execution.getVariable(WITHDRAWN_BY),
                (String) execution.getVariable(WITHDRAWAL_REASON));
    }
}
