package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.process.ExchangeProposalProcess.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pkcn.exchange.proposal.ProposalRegistry;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.pkcn.exchange.proposal.StatusChange;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the process tests share: a real SMTP server (GreenMail), the engine's services, and the moves
 * of the story (submit, decide, revise, withdraw, run the pending mail step).
 */
public abstract class ProcessScenario {

    public static final String APPLICANT = "applicant";
    public static final String STZA_REVIEWER = "stza-reviewer";
    public static final String ZBRA_REVIEWER = "zbra-reviewer";

    /** GreenMail's test port, unless -Dtest.smtp.port moves it (two builds side by side on one machine). */
    public static final int SMTP_PORT = Integer.getInteger("test.smtp.port", ServerSetupTest.SMTP.getPort());

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(
            ServerSetupTest.SMTP.port(SMTP_PORT));

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected IdentityService identityService;
    @Autowired protected HistoryService historyService;
    @Autowired protected ProposalRegistry registry;

    @BeforeEach
    void useThisEngineForAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    /** The applicant submits; the instance is returned after registration and screening ran. */
    protected ProcessInstance submit(Map<String, Object> fields) {
        signIn(APPLICANT);
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, fields);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Acts as this account from now on, with its groups, as the REST API and the webapps do. */
    protected void signIn(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> group.getId()).toList();
        identityService.setAuthentication(userId, groups);
    }

    protected String referenceOf(ProcessInstance instance) {
        return (String) runtimeService.getVariable(instance.getId(), REFERENCE);
    }

    /** Runs the one pending asynchronous step of this proposal (a mail), as the job executor would. */
    protected void runPendingStep(String reference) {
        Job job = pendingJob(reference);
        assertThat(job).as("a pending step of %s", reference).isNotNull();
        managementService.executeJob(job.getId());
    }

    protected Job pendingJob(String reference) {
        return managementService.createJobQuery().processInstanceId(mainInstanceId(reference)).messages()
                .singleResult();
    }

    protected String mainInstanceId(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult().getId();
    }

    /** The running review (the called "proposal-review" instance) of this proposal. */
    protected ProcessInstance review(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(REVIEW_PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
    }

    protected Task reviewTask(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_ReviewProposal").singleResult();
    }

    /** A reviewer claims the review task and decides; runs the mail step that follows, if any. */
    protected void decide(String reference, String reviewer, String decision, String comment) {
        Task task = reviewTask(reference);
        assertThat(task).as("review task of %s", reference).isNotNull();
        taskService.claim(task.getId(), reviewer);
        taskService.complete(task.getId(), Map.of(DECISION, decision, COMMENT, comment == null ? "" : comment));
    }

    protected Task revisionTask(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_ReviseProposal").singleResult();
    }

    protected void revise(String reference, Map<String, Object> revisedFields) {
        Task task = revisionTask(reference);
        assertThat(task.getAssignee()).isEqualTo(APPLICANT);
        taskService.complete(task.getId(), revisedFields);
    }

    protected void withdraw(String reference, String reason) {
        runtimeService.createMessageCorrelation(WITHDRAWAL_REQUESTED).processInstanceBusinessKey(reference)
                .setVariable(WITHDRAWN_BY, APPLICANT).setVariable(WITHDRAWAL_REASON, reason).correlate();
    }

    protected List<ProposalStatus> statusHistory(String reference) {
        return registry.get(reference).history().stream().map(StatusChange::status).toList();
    }

    protected StatusChange latest(String reference, ProposalStatus status) {
        return registry.get(reference).latest(status).orElseThrow();
    }

    /** The mails about this proposal that the SMTP server received, as "recipient | language | subject". */
    protected List<String> mailsAbout(String reference) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> subjectOf(message).contains(reference))
                .map(message -> recipientOf(message) + " | " + languageOf(message) + " | " + subjectOf(message))
                .toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String languageOf(MimeMessage message) {
        try {
            return message.getHeader("Content-Language")[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
