package org.pkcn.exchange.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pkcn.exchange.proposal.ProposalStatus.*;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.deployment.MigrationStatus.Outcome;
import org.pkcn.exchange.deployment.MigrationStatus.State;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running proposals move to a new version only where the engine can map where they wait; the others stay on their
 * version, untouched, and finish there. The job executor is off in tests: the batch's jobs are run here.
 */
@ExchangeTest
class ProposalMigrationTests extends ProcessScenario {

    /** A new version with one more step after ZBRA's approval. */
    static final String WITH_AGREEMENT_STEP = ModelFiles.mainWith("""
                <bpmn:manualTask id="Task_PrepareAgreement" name="Prepare exchange agreement" />
                <bpmn:sequenceFlow id="SequenceFlow_AgreementPrepared" sourceRef="Task_PrepareAgreement" targetRef="Task_NotifyApproval" />""")
            .replace("sourceRef=\"Gateway_ZbraOutcome\" targetRef=\"Task_NotifyApproval\"",
                    "sourceRef=\"Gateway_ZbraOutcome\" targetRef=\"Task_PrepareAgreement\"");

    /** A new version in which both reviews are other activities (new ids): nobody waiting at a review can move. */
    static final String WITH_REVIEWS_REPLACED = ModelFiles.original(ModelFiles.MAIN)
            .replace("CallActivity_ReviewByStza", "CallActivity_StzaReview")
            .replace("CallActivity_ReviewByZbra", "CallActivity_ZbraReview");

    @Autowired Redeployments redeployments;
    @Autowired ProposalMigrations migrations;
    @Autowired RepositoryService repositoryService;

    private String source;
    private String atStza;
    private String atZbra;

    /** A fresh version for these proposals alone, one waiting at STZA's review and one at ZBRA's. */
    @BeforeEach
    void twoProposalsUnderReview() {
        redeployments.upload(ModelFiles.files(ModelFiles.MAIN, ModelFiles.original(ModelFiles.MAIN)
                + "\n<!-- " + System.nanoTime() + " -->\n"), DeploymentSource.UPLOAD, "test", false);
        source = newestMainVersion();
        atStza = referenceOf(submit(SampleProposals.jointAiResearch()));
        runPendingStep(atStza);
        atZbra = referenceOf(submit(SampleProposals.jointAiResearch()));
        runPendingStep(atZbra);
        decide(atZbra, STZA_REVIEWER, "APPROVE", "");
        assertThat(main(atStza)).isWaitingAt("CallActivity_ReviewByStza");
        assertThat(main(atZbra)).isWaitingAt("CallActivity_ReviewByZbra");
    }

    @AfterEach
    void theFoldersSetIsTheNewestAgain() {
        redeployments.fromFolders(false);
    }

    @Test
    void toAVersionWithAStepElsewhere_proposalsAtEitherReviewMove_andFinishThere() {
        redeployments.upload(ModelFiles.files(ModelFiles.MAIN, WITH_AGREEMENT_STEP), DeploymentSource.UPLOAD, "test",
                false);
        String target = newestMainVersion();

        MigrationReport dryRun = migrations.dryRun(source, target);
        assertThat(dryRun.planProblems()).isEmpty();
        assertThat(dryRun.mapped()).contains(new MigrationReport.Mapping("CallActivity_ReviewByStza",
                "CallActivity_ReviewByStza"), new MigrationReport.Mapping("CallActivity_ReviewByZbra",
                "CallActivity_ReviewByZbra"));
        assertThat(dryRun.unmapped()).isEmpty();
        assertThat(dryRun.added()).containsExactly("Task_PrepareAgreement");
        assertThat(byReference(dryRun.instances(), MigrationReport.Instance::businessKey))
                .hasEntrySatisfying(atStza, instance -> {
                    assertThat(instance.canMove()).isTrue();
                    assertThat(instance.waitingAt()).containsExactly("CallActivity_ReviewByStza");
                })
                .hasEntrySatisfying(atZbra, instance -> assertThat(instance.canMove()).isTrue());
        assertThat(main(atStza).getProcessDefinitionId()).as("a dry run moves nothing").isEqualTo(source);

        MigrationStatus started = migrations.migrate(source, target);
        assertThat(started.state()).isEqualTo(State.RUNNING);
        assertThat(outcomeOf(started, atStza)).isEqualTo(Outcome.PENDING);
        runBatch(started.batchId());

        MigrationStatus done = migrations.status(started.batchId());
        assertThat(done.state()).isEqualTo(State.FINISHED);
        assertThat(outcomeOf(done, atStza)).isEqualTo(Outcome.MOVED);
        assertThat(outcomeOf(done, atZbra)).isEqualTo(Outcome.MOVED);
        assertThat(main(atStza).getProcessDefinitionId()).isEqualTo(target);

        decide(atStza, STZA_REVIEWER, "APPROVE", "");
        decide(atStza, ZBRA_REVIEWER, "APPROVE", "");
        decide(atZbra, ZBRA_REVIEWER, "APPROVE", "");
        for (String reference : List.of(atStza, atZbra)) {
            ProcessInstance instance = main(reference);
            runPendingStep(reference);
            assertThat(instance).isEnded().hasPassed("Task_PrepareAgreement", "EndEvent_ProposalApproved");
            assertThat(statusHistory(reference)).containsExactly(SUBMITTED, STZA_APPROVED, APPROVED);
        }
    }

    @Test
    void toAVersionWithoutTheActivityTheyWaitAt_theDryRunSaysWhy_andTheyKeepRunningOnTheirVersion() {
        redeployments.upload(ModelFiles.files(ModelFiles.MAIN, WITH_REVIEWS_REPLACED), DeploymentSource.UPLOAD, "test",
                false);
        String target = newestMainVersion();

        MigrationReport dryRun = migrations.dryRun(source, target);
        assertThat(dryRun.unmapped()).containsExactlyInAnyOrder("CallActivity_ReviewByStza", "CallActivity_ReviewByZbra");
        assertThat(dryRun.added()).containsExactlyInAnyOrder("CallActivity_StzaReview", "CallActivity_ZbraReview");
        Map<String, MigrationReport.Instance> instances = byReference(dryRun.instances(),
                MigrationReport.Instance::businessKey);
        assertThat(instances.get(atStza).canMove()).isFalse();
        assertThat(instances.get(atStza).reasons()).singleElement().asString().startsWith("at CallActivity_ReviewByStza: ");
        assertThat(instances.get(atZbra).canMove()).isFalse();
        assertThat(instances.get(atZbra).reasons()).singleElement().asString().startsWith("at CallActivity_ReviewByZbra: ");

        MigrationStatus attempt = migrations.migrate(source, target);
        assertThat(attempt.state()).isEqualTo(State.NOTHING_TO_MOVE);
        assertThat(attempt.batchId()).isNull();
        assertThat(outcomeOf(attempt, atStza)).isEqualTo(Outcome.STAYED);

        for (String reference : List.of(atStza, atZbra)) {
            assertThat(main(reference).getProcessDefinitionId()).isEqualTo(source);
        }
        decide(atStza, STZA_REVIEWER, "APPROVE", "");
        decide(atStza, ZBRA_REVIEWER, "APPROVE", "");
        decide(atZbra, ZBRA_REVIEWER, "APPROVE", "");
        for (String reference : List.of(atStza, atZbra)) {
            ProcessInstance instance = main(reference);
            runPendingStep(reference);
            assertThat(instance).isEnded().hasPassed("CallActivity_ReviewByZbra", "EndEvent_ProposalApproved");
        }
    }

    /** Seed job, then the migration jobs, then the monitor job: what the job executor does. */
    private void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        managementService.executeJob(jobOf(batch.getSeedJobDefinitionId()).getId());
        for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
            managementService.executeJob(job.getId());
        }
        managementService.executeJob(jobOf(batch.getMonitorJobDefinitionId()).getId());
    }

    private Job jobOf(String jobDefinitionId) {
        return managementService.createJobQuery().jobDefinitionId(jobDefinitionId).singleResult();
    }

    private ProcessInstance main(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ExchangeProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
    }

    private String newestMainVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ExchangeProposalProcess.PROCESS_KEY)
                .latestVersion().singleResult().getId();
    }

    private static Outcome outcomeOf(MigrationStatus status, String reference) {
        return status.instances().stream().filter(instance -> reference.equals(instance.businessKey())).findFirst()
                .orElseThrow().outcome();
    }

    private static <T> Map<String, T> byReference(List<T> instances, Function<T, String> reference) {
        return instances.stream().collect(Collectors.toMap(reference, Function.identity()));
    }
}
