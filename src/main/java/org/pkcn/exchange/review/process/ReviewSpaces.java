package org.pkcn.exchange.review.process;

import static org.pkcn.exchange.process.ExchangeProposalProcess.PARTY;
import static org.pkcn.exchange.process.ExchangeProposalProcess.REVIEW_PROCESS_KEY;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.pkcn.exchange.review.Party;
import org.springframework.stereotype.Component;

/**
 * Puts each review in the reviewing party's space: the engine tenant {@link Party#reviewSpace()}, chosen
 * from the {@code party} the exchange process hands to its review. The models are deployed once, without
 * a tenant; only the review's instances, and so its tasks, belong to a party.
 *
 * <p>Why tenants: a reviewer may see and work the review tasks of their own party only. The engine's
 * default way, one grant per task for its candidate groups, makes every Tasklist query join each task
 * to all of its group's task grants, which grows with the square of the waiting tasks (README
 * "Performance"). Reviewers are instead granted the review's tasks once, on the process definition
 * ({@code ProgrammeAccess}), and the engine's tenant check keeps each party to its own space.
 */
@Component
class ReviewSpaces extends AbstractProcessEnginePlugin implements TenantIdProvider {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext instance) {
        if (!REVIEW_PROCESS_KEY.equals(instance.getProcessDefinition().getKey())) {
            return null;
        }
        Object party = instance.getVariables().get(PARTY);
        if (party == null) {
            throw new IllegalStateException("A review was started without the reviewing party ('" + PARTY
                    + "'): it would belong to no party's reviewers");
        }
        return Party.valueOf(party.toString()).reviewSpace();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext instance) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext decision) {
        return null;
    }
}
