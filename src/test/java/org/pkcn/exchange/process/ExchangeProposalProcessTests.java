package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pkcn.exchange.proposal.ProposalStatus.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.proposal.InvalidProposalException;
import org.pkcn.exchange.proposal.ProposalFields;
import org.pkcn.exchange.proposal.ProposalStateException;
import org.pkcn.exchange.proposal.Proposals;
import org.pkcn.exchange.review.InvalidDecisionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of the exchange-proposal process, one test each, through the real engine, registry and
 * SMTP server. Together they cover every flow node and sequence flow of both models: the class fails
 * otherwise, and the coverage report is under target/process-test-coverage/.
 */
@ExchangeTest
@Import({ProcessEngineCoverageConfiguration.class, ExchangeProposalProcessTests.FullCoverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ExchangeProposalProcessTests extends ProcessScenario {

    @TestConfiguration
    static class FullCoverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @Autowired Proposals proposals;

    @Test
    void approvedByStzaThenZbra_isRecordedAndAnnouncedToEveryone() {
        ProcessInstance instance = submit(SampleProposals.jointAiResearch());
        String reference = referenceOf(instance);
        assertThat(reference).matches("PKCN-\\d{4}-\\d{5}");
        assertThat(instance).isWaitingAt("Task_AcknowledgeProposal");

        runPendingStep(reference);
        assertThat(instance).isWaitingAt("CallActivity_ReviewByStza");
        assertThat(review(reference)).isWaitingAt("Task_ReviewProposal");
        assertThat(reviewTask(reference)).hasCandidateGroup("stza-reviewers");

        decide(reference, STZA_REVIEWER, "APPROVE", "");
        assertThat(instance).isWaitingAt("CallActivity_ReviewByZbra");
        assertThat(reviewTask(reference)).hasCandidateGroup("zbra-reviewers");

        decide(reference, ZBRA_REVIEWER, "APPROVE", "Good fit for the Belt and Road call");
        assertThat(instance).isWaitingAt("Task_NotifyApproval");
        runPendingStep(reference);

        assertThat(instance).isEnded().hasPassed("EndEvent_ProposalApproved");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, STZA_APPROVED, APPROVED);
        assertThat(latest(reference, STZA_APPROVED).actor()).isEqualTo(STZA_REVIEWER);
        assertThat(latest(reference, APPROVED).actor()).isEqualTo(ZBRA_REVIEWER);
        assertThat(registry.get(reference).exchangeNumber()).matches("EX-\\d{4}-\\d{5}");
        assertThat(objectVariablesOf(instance)).as("object variables are JSON, never Java-serialized")
                .isNotEmpty().allSatisfy(format -> assertThat(format).isEqualTo("application/json"));
        assertThat(mailsAbout(reference)).containsExactlyInAnyOrder(
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Proposal received: AI for textile quality control",
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Exchange approved: AI for textile quality control ("
                        + registry.get(reference).exchangeNumber() + ")",
                SampleProposals.COUNTERPART_MAIL + " | zh | [" + reference + "] 交流项目已获批准：AI for textile quality control（"
                        + registry.get(reference).exchangeNumber() + "）",
                "stza-reviewer@stza.example.org | en | [" + reference + "] Exchange approved: AI for textile quality control ("
                        + registry.get(reference).exchangeNumber() + ")",
                "zbra-reviewer@zbra.example.org | zh | [" + reference + "] 交流项目已获批准：AI for textile quality control（"
                        + registry.get(reference).exchangeNumber() + "）");
    }

    @Test
    void ineligibleProposal_isScreenedOutWithTheTablesReason() {
        ProcessInstance instance = submit(SampleProposals.with(SampleProposals.jointAiResearch(),
                ProposalFields.DURATION_MONTHS, 48L));
        String reference = referenceOf(instance);
        assertThat(instance).isWaitingAt("Task_NotifyScreeningOut");
        runPendingStep(reference);

        assertThat(instance).isEnded().hasPassed("Task_RecordScreeningOut", "EndEvent_ProposalScreenedOut");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, SCREENED_OUT);
        assertThat(latest(reference, SCREENED_OUT).comment()).contains("at most 36 months");
        assertThat(mailsAbout(reference)).containsExactly(SampleProposals.APPLICANT_MAIL + " | en | ["
                + reference + "] Proposal not eligible: AI for textile quality control");
    }

    @Test
    void rejectedByStza_endsWithTheReviewersReason() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());

        decide(reference, STZA_REVIEWER, "REJECT", "Duplicates an exchange approved last year");
        runPendingStep(reference);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(historyOf(reference)).contains("EndEvent_ProposalRejected");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, REJECTED);
        assertThat(latest(reference, REJECTED).actor()).isEqualTo(STZA_REVIEWER);
        assertThat(latest(reference, REJECTED).party()).isEqualTo("STZA");
        assertThat(latest(reference, REJECTED).comment()).isEqualTo("Duplicates an exchange approved last year");
        assertThat(mailsAbout(reference)).contains(SampleProposals.APPLICANT_MAIL + " | en | [" + reference
                + "] Proposal not approved: AI for textile quality control");
    }

    @Test
    void rejectedByZbra_afterStzaApproved() {
        String reference = submittedAndAcknowledged(SampleProposals.dockingRequestInChinese());
        decide(reference, STZA_REVIEWER, "APPROVE", null);

        decide(reference, ZBRA_REVIEWER, "REJECT", "与现有项目重复");
        runPendingStep(reference);

        assertThat(historyOf(reference)).contains("EndEvent_ProposalRejected");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, STZA_APPROVED, REJECTED);
        assertThat(latest(reference, REJECTED).party()).isEqualTo("ZBRA");
        assertThat(mailsAbout(reference)).contains("wang.fang@bir.example.cn | zh | [" + reference
                + "] 提案未获批准：Robotics talent training");
    }

    @Test
    void changesRequestedByStza_resubmittedAndBackToStza() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());

        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Please name the two mills of the pilot");
        assertThat(review(reference)).isWaitingAt("Task_NotifyChangesRequested");
        runReviewStep(reference);
        assertThat(review(reference)).isWaitingAt("Task_ReviseProposal");
        assertThat(mailsAbout(reference)).contains(SampleProposals.APPLICANT_MAIL + " | en | [" + reference
                + "] Changes requested by STZA: AI for textile quality control");

        revise(reference, Map.of(ProposalFields.EXPECTED_OUTCOMES, "A pilot in the Kohinoor and Crescent mills."));
        assertThat(review(reference)).isWaitingAt("Task_ReviewProposal");
        assertThat(reviewTask(reference)).hasCandidateGroup("stza-reviewers");
        assertThat(registry.get(reference).details().expectedOutcomes()).contains("Kohinoor");

        decide(reference, STZA_REVIEWER, "APPROVE", "");
        decide(reference, ZBRA_REVIEWER, "APPROVE", "");
        runPendingStep(reference);
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, CHANGES_REQUESTED, RESUBMITTED,
                STZA_APPROVED, APPROVED);
        assertThat(latest(reference, CHANGES_REQUESTED).comment()).isEqualTo("Please name the two mills of the pilot");
    }

    @Test
    void changesRequestedByZbra_resubmittedAndBackToZbra() {
        String reference = submittedAndAcknowledged(SampleProposals.dockingRequestInChinese());
        decide(reference, STZA_REVIEWER, "APPROVE", "");

        decide(reference, ZBRA_REVIEWER, "REQUEST_CHANGES", "请补充培训人数");
        runReviewStep(reference);
        assertThat(mailsAbout(reference)).contains("wang.fang@bir.example.cn | zh | [" + reference
                + "] ZBRA 要求修改提案：Robotics talent training");

        revise(reference, Map.of(ProposalFields.OBJECTIVES, "培训 40 名巴基斯坦机器人工程师"));
        assertThat(reviewTask(reference)).hasCandidateGroup("zbra-reviewers");
        decide(reference, ZBRA_REVIEWER, "APPROVE", "");
        runPendingStep(reference);

        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, STZA_APPROVED, CHANGES_REQUESTED,
                RESUBMITTED, APPROVED);
        assertThat(latest(reference, CHANGES_REQUESTED).party()).isEqualTo("ZBRA");
    }

    @Test
    void revisionNotReturnedWithinThirtyDays_lapses() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Please add the budget breakdown");
        runReviewStep(reference);

        Job windowCloses = timer(reference, "BoundaryEvent_RevisionWindowClosed");
        assertThat(windowCloses.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(30))), 60_000);
        moveClockBy(Duration.ofDays(30).plusMinutes(1));
        managementService.executeJob(executableTimer(reference, "BoundaryEvent_RevisionWindowClosed").getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(ExchangeProposalProcess.PROCESS_KEY).singleResult()).isWaitingAt("Task_NotifyLapse");
        runPendingStep(reference);

        assertThat(historyOf(reference)).contains("Task_RecordLapse", "EndEvent_RevisionLapsed", "EndEvent_ProposalLapsed");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, CHANGES_REQUESTED, LAPSED);
        assertThat(mailsAbout(reference)).contains(SampleProposals.APPLICANT_MAIL + " | en | [" + reference
                + "] Proposal lapsed: AI for textile quality control");
    }

    @Test
    void zbraRevisionNotReturned_lapsesToo() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "APPROVE", "");
        decide(reference, ZBRA_REVIEWER, "REQUEST_CHANGES", "Please add the budget breakdown");
        runReviewStep(reference);

        moveClockBy(Duration.ofDays(31));
        managementService.executeJob(executableTimer(reference, "BoundaryEvent_RevisionWindowClosed").getId());
        runPendingStep(reference);

        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, STZA_APPROVED, CHANGES_REQUESTED, LAPSED);
        assertThat(historyOf(reference)).contains("EndEvent_ProposalLapsed");
    }

    @Test
    void reviewWaitingSevenDays_remindsReviewersAndTaskStays() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        assertThat(executableTimers(reference)).isEmpty();

        moveClockBy(Duration.ofDays(7).plusMinutes(1));
        managementService.executeJob(executableTimer(reference, "BoundaryEvent_ReminderDue").getId());
        runReviewStep(reference);

        assertThat(review(reference)).isWaitingAt("Task_ReviewProposal").hasPassed("EndEvent_ReviewersReminded");
        assertThat(mailsAbout(reference)).contains("stza-reviewer@stza.example.org | en | [" + reference
                + "] Reminder: proposal waiting for STZA review: AI for textile quality control");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED);
    }

    @Test
    void reviewStillOpenAtDueDate_escalatesToSupervisorsAndTaskStays() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "APPROVE", "");
        assertThat(reviewTask(reference).getDueDate()).isCloseTo(
                Date.from(Instant.now().plus(Duration.ofDays(10))), 60_000);

        moveClockBy(Duration.ofDays(10).plusMinutes(1));
        // Both timers are due by now: the reminder (day 7) and the escalation (day 10).
        managementService.executeJob(executableTimer(reference, "BoundaryEvent_ReminderDue").getId());
        runReviewStep(reference);
        managementService.executeJob(executableTimer(reference, "BoundaryEvent_ReviewOverdue").getId());
        runReviewStep(reference);

        assertThat(review(reference)).isWaitingAt("Task_ReviewProposal").hasPassed("EndEvent_ReviewEscalated");
        assertThat(mailsAbout(reference)).contains(
                "zbra-reviewer@zbra.example.org | zh | [" + reference + "] 提醒：提案等待 ZBRA 评审：AI for textile quality control",
                "zbra-supervisor@zbra.example.org | zh | [" + reference + "] 已逾期：ZBRA 对“AI for textile quality control”的评审");
    }

    @Test
    void withdrawnBeforeAcknowledgement_closesWithoutReview() {
        ProcessInstance instance = submit(SampleProposals.jointAiResearch());
        String reference = referenceOf(instance);

        withdraw(reference, "Submitted twice by mistake");
        runPendingStep(reference);

        assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "EndEvent_ProposalWithdrawn")
                .hasNotPassed("CallActivity_ReviewByStza");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, WITHDRAWN);
        assertThat(latest(reference, WITHDRAWN).comment()).isEqualTo("Submitted twice by mistake");
    }

    @Test
    void withdrawnDuringStzaReview_tellsStzaReviewers() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());

        withdraw(reference, "Partner changed");
        runPendingStep(reference);

        assertThat(review(reference)).isNull();
        assertThat(reviewTask(reference)).isNull();
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, WITHDRAWN);
        assertThat(mailsAbout(reference)).containsExactlyInAnyOrder(
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Proposal received: AI for textile quality control",
                SampleProposals.APPLICANT_MAIL + " | en | [" + reference + "] Proposal withdrawn: AI for textile quality control",
                "stza-reviewer@stza.example.org | en | [" + reference + "] Proposal withdrawn: AI for textile quality control");
    }

    @Test
    void withdrawnDuringZbraReview_tellsBothParties() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "APPROVE", "");

        withdraw(reference, "Funding withdrawn");
        runPendingStep(reference);

        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, STZA_APPROVED, WITHDRAWN);
        assertThat(mailsAbout(reference)).contains(
                "stza-reviewer@stza.example.org | en | [" + reference + "] Proposal withdrawn: AI for textile quality control",
                "zbra-reviewer@zbra.example.org | zh | [" + reference + "] 提案已撤回：AI for textile quality control");
    }

    @Test
    void withdrawnWhileRevising_closesTheRevisionTask() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Add a timeline");
        runReviewStep(reference);

        withdraw(reference, "We will apply in the next call");
        runPendingStep(reference);

        assertThat(revisionTask(reference)).isNull();
        assertThat(timersOf(reference)).isEmpty();
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, CHANGES_REQUESTED, WITHDRAWN);
    }

    @Test
    void secondWithdrawal_isRefusedAndChangesNothing() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        withdraw(reference, "First");
        runPendingStep(reference);

        assertThatThrownBy(() -> withdraw(reference, "Again"))
                .hasMessageContaining("ProposalWithdrawalRequested");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, WITHDRAWN);
    }

    @Test
    void withdrawalAfterTheDecision_isRefusedByTheRegistry() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "REJECT", "Out of scope");
        // The rejection mail is still pending, so the process still listens for a withdrawal:
        // the registry is what refuses it, and the whole correlation rolls back.
        assertThatThrownBy(() -> withdraw(reference, "Too late"))
                .isInstanceOf(ProposalStateException.class).hasMessageContaining("REJECTED");
        runPendingStep(reference);
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, REJECTED);
    }

    @Test
    void invalidSubmission_isRefusedNamingTheFieldAndLeavesNothing() {
        long proposalsBefore = proposals.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> submit(SampleProposals.with(SampleProposals.jointAiResearch(),
                ProposalFields.CONTACT_EMAIL, "sara.ahmed-at-lta")))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("contactEmail must be an e-mail address");

        assertThat(proposals.count()).isEqualTo(proposalsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void rejectionWithoutReason_isRefusedAndTheTaskStays() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());

        assertThatThrownBy(() -> decide(reference, STZA_REVIEWER, "REJECT", " "))
                .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("comment is required");

        assertThat(review(reference)).isWaitingAt("Task_ReviewProposal");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED);
    }

    @Test
    void overlongReviewComment_isRefusedAndTheTaskStays() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());

        assertThatThrownBy(() -> decide(reference, STZA_REVIEWER, "REJECT", "x".repeat(4001)))
                .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("comment must be at most 4000");

        assertThat(review(reference)).isWaitingAt("Task_ReviewProposal");
    }

    @Test
    void invalidRevision_isRefusedAndTheRevisionTaskStays() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Shorter please");
        runReviewStep(reference);

        assertThatThrownBy(() -> revise(reference, Map.of(ProposalFields.BUDGET_AMOUNT, -5.0)))
                .isInstanceOf(InvalidProposalException.class).hasMessageContaining("budgetAmount");

        assertThat(review(reference)).isWaitingAt("Task_ReviseProposal");
        assertThat(statusHistory(reference)).containsExactly(SUBMITTED, CHANGES_REQUESTED);
    }

    private String submittedAndAcknowledged(Map<String, Object> fields) {
        String reference = referenceOf(submit(fields));
        runPendingStep(reference);
        return reference;
    }

    /** Runs the pending mail step of the running review (reminder, escalation, change request). */
    private void runReviewStep(String reference) {
        Job job = managementService.createJobQuery().processInstanceId(review(reference).getId()).messages()
                .singleResult();
        assertThat(job).as("a pending step in the review of %s", reference).isNotNull();
        managementService.executeJob(job.getId());
    }

    private List<Job> timersOf(String reference) {
        return instanceIdsOf(reference).stream().flatMap(id -> managementService.createJobQuery()
                .processInstanceId(id).timers().list().stream()).toList();
    }

    /** The proposal's main instance and its reviews, running or ended. */
    private List<String> instanceIdsOf(String reference) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream().map(instance -> instance.getId()).toList();
    }

    private Job timer(String reference, String activityId) {
        return timersOf(reference).stream().filter(job -> activityId.equals(activityOf(job))).findFirst().orElseThrow();
    }

    private List<Job> executableTimers(String reference) {
        return instanceIdsOf(reference).stream().flatMap(id -> managementService.createJobQuery()
                .processInstanceId(id).timers().executable().list().stream()).toList();
    }

    private Job executableTimer(String reference, String activityId) {
        return executableTimers(reference).stream().filter(job -> activityId.equals(activityOf(job))).findFirst()
                .orElseThrow(() -> new AssertionError("no due timer at " + activityId));
    }

    private String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    /** The serialization format of every object variable the proposal's instance ever held. */
    private List<String> objectVariablesOf(ProcessInstance instance) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .disableCustomObjectDeserialization().list().stream()
                .filter(variable -> variable.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.ObjectValue)
                .map(variable -> ((org.camunda.bpm.engine.variable.value.ObjectValue) variable.getTypedValue())
                        .getSerializationDataFormat())
                .toList();
    }

    private static void moveClockBy(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(duration)));
    }

    private List<String> historyOf(String reference) {
        return instanceIdsOf(reference).stream().flatMap(id -> historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(id).list().stream()).map(a -> a.getActivityId()).toList();
    }
}
