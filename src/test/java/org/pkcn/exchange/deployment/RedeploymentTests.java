package org.pkcn.exchange.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pkcn.exchange.proposal.ProposalStatus.*;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.deployment.DeploymentOutcome.Result;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Redeploying while proposals are in flight: a changed decision table is used by the next screening, and a
 * proposal already past screening goes on as before; rolling back deploys an earlier version's files as the newest.
 */
@ExchangeTest
class RedeploymentTests extends ProcessScenario {

    /** The call no longer covers robotics. */
    static final String WITHOUT_ROBOTICS = ModelFiles.replaced(ModelFiles.ELIGIBILITY,
            "\"ARTIFICIAL_INTELLIGENCE\",\"ROBOTICS\",\"FINTECH\"", "\"ARTIFICIAL_INTELLIGENCE\",\"FINTECH\"");

    @Autowired Redeployments redeployments;
    @Autowired RepositoryService repositoryService;

    @AfterEach
    void theFoldersSetIsTheNewestAgain() {
        redeployments.fromFolders(false);
    }

    @Test
    void aChangedDecisionTable_isUsedByTheNextScreening_andAProposalPastScreeningIsUnaffected() {
        String pastScreening = referenceOf(submit(SampleProposals.dockingRequestInChinese()));
        runPendingStep(pastScreening);
        long decisionVersions = decisionVersions();

        DeploymentOutcome outcome = redeployments.upload(ModelFiles.files(ModelFiles.ELIGIBILITY, WITHOUT_ROBOTICS),
                DeploymentSource.UPLOAD, "test", false);

        assertThat(outcome.result()).isEqualTo(Result.DEPLOYED);
        assertThat(decisionVersions()).isEqualTo(decisionVersions + 1);
        ProcessInstance next = submit(SampleProposals.dockingRequestInChinese());
        String nextReference = referenceOf(next);
        assertThat(statusHistory(nextReference)).containsExactly(SUBMITTED, SCREENED_OUT);
        assertThat(latest(nextReference, SCREENED_OUT).comment()).isEqualTo("The sector is not one this call covers.");

        decide(pastScreening, STZA_REVIEWER, "APPROVE", "");
        decide(pastScreening, ZBRA_REVIEWER, "APPROVE", "");
        runPendingStep(pastScreening);
        assertThat(statusHistory(pastScreening)).containsExactly(SUBMITTED, STZA_APPROVED, APPROVED);
    }

    @Test
    void rollingBack_deploysTheEarlierFilesAsTheNewestVersion() {
        String before = redeployments.fromFolders(false).deploymentId();
        redeployments.upload(ModelFiles.files(ModelFiles.ELIGIBILITY, WITHOUT_ROBOTICS), DeploymentSource.UPLOAD,
                "test", false);
        int versionWithoutRobotics = newestDecisionVersion();

        DeploymentOutcome rolledBack = redeployments.rollBack(before, false);

        assertThat(rolledBack.result()).isEqualTo(Result.DEPLOYED);
        assertThat(rolledBack.changedFiles()).containsExactly(ModelFiles.ELIGIBILITY);
        assertThat(newestDecisionVersion()).isEqualTo(versionWithoutRobotics + 1);
        String reference = referenceOf(submit(SampleProposals.dockingRequestInChinese()));
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED);
    }

    private long decisionVersions() {
        return repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ExchangeProposalProcess.ELIGIBILITY_DECISION).count();
    }

    private int newestDecisionVersion() {
        return repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ExchangeProposalProcess.ELIGIBILITY_DECISION).latestVersion().singleResult()
                .getVersion();
    }
}
