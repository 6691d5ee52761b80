package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.proposal.ProposalFields.TITLE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.review.Party;
import org.pkcn.exchange.system.HistoryWithoutVariableDetails;

/**
 * The engine keeps what Cockpit and audits read (who did what, each variable's value, tasks, decisions) but
 * no row per variable write: what a proposal said at each round is the registry's (its versions).
 */
@ExchangeTest
class HistoryForAuditsTests extends ProcessScenario {

    @Test
    void aSubmissionAndADecision_leaveTheOperationLogAndEachVariablesValue_butNoRowPerWrite() {
        Map<String, Object> fields = SampleProposals.jointAiResearch();
        ProcessInstance instance = submit(fields);
        String reference = referenceOf(instance);
        runPendingStep(reference);
        String reviewInstance = review(reference).getId();
        String task = reviewTask(reference).getId();
        // As the Tasklist calls the engine for a reviewer: signed in, in the party's review space.
        identityService.setAuthentication(STZA_REVIEWER, List.of(Party.STZA.reviewers()),
                List.of(Party.STZA.reviewSpace()));
        taskService.claim(task, STZA_REVIEWER);
        taskService.complete(task, Map.of(ExchangeProposalProcess.DECISION, "APPROVE",
                ExchangeProposalProcess.COMMENT, "Fits the zone's AI focus."));
        identityService.clearAuthentication();

        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(HistoryWithoutVariableDetails.NAME);
        assertThat(managementService.getHistoryLevel()).isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(reviewInstance).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(TITLE).singleResult().getValue()).isEqualTo(fields.get(TITLE));
        assertThat(historyService.createUserOperationLogQuery().taskId(task)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).singleResult().getUserId())
                .isEqualTo(STZA_REVIEWER);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult().getAssignee())
                .isEqualTo(STZA_REVIEWER);
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .includeInputs().list()).isNotEmpty();
    }
}
