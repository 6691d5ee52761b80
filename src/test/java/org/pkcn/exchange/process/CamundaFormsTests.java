package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.process.ExchangeProposalProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.proposal.ProposalFields;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms as the Tasklist gets them: deployed at start-up in the one deployment with the models, so that
 * camunda:formRefBinding="deployment" finds them; and the review task carrying what its form shows.
 */
@ExchangeTest
class CamundaFormsTests extends ProcessScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;

    @Test
    void startForm_isFoundInTheProcessesDeployment() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult();

        assertThat(formService.getStartFormData(definition.getId()).getCamundaFormRef().getKey())
                .isEqualTo("submit-proposal");
        assertThat(idOf(formService.getDeployedStartForm(definition.getId()))).isEqualTo("submit-proposal");
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
                .contains("exchange-proposal.bpmn", "proposal-review.bpmn", "forms/submit-proposal.form",
                        "forms/review-proposal.form", "forms/revise-proposal.form");
    }

    @Test
    void reviewAndRevisionForms_areFoundForRealTasks() throws IOException {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        Task review = reviewTask(reference);
        assertThat(formService.getTaskFormData(review.getId()).getCamundaFormRef().getKey()).isEqualTo("review-proposal");
        assertThat(idOf(formService.getDeployedTaskForm(review.getId()))).isEqualTo("review-proposal");

        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Please name the two mills of the pilot");
        runReviewStep(reference);
        Task revision = revisionTask(reference);
        assertThat(idOf(formService.getDeployedTaskForm(revision.getId()))).isEqualTo("revise-proposal");

        VariableMap shown = formService.getTaskFormVariables(revision.getId());
        assertThat(shown.get(COMMENT)).isEqualTo("Please name the two mills of the pilot");
        assertThat(shown.get(PARTY)).isEqualTo("STZA");
        assertThat(shown.get(REFERENCE)).isEqualTo(reference);
    }

    @Test
    void reviewTask_showsTheProposalAsTheRegistryHasIt_andNoEarlierDecision() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Please name the *two* mills\nof the pilot");
        runReviewStep(reference);
        revise(reference, Map.of(ProposalFields.BUDGET_AMOUNT, 240000.0));

        Task secondRound = reviewTask(reference);
        VariableMap shown = formService.getTaskFormVariables(secondRound.getId());
        assertThat(shown).doesNotContainKeys(DECISION, COMMENT);
        assertThat(taskService.getVariablesLocal(secondRound.getId())).containsOnlyKeys(PROPOSAL_SUMMARY,
                PROPOSAL_OBJECTIVES, PROPOSAL_EXPECTED_OUTCOMES, PROPOSAL_HISTORY, LIST_REFERENCE, LIST_TITLE,
                LIST_APPLICANT_NAME, LIST_SECTOR);
        assertThat((String) shown.get(PROPOSAL_SUMMARY)).startsWith("## " + SampleProposals.jointAiResearch()
                .get(ProposalFields.TITLE)).contains("**Budget / 预算：** 240,000.00 USD");
        assertThat(shown.get(PROPOSAL_OBJECTIVES)).isEqualTo(SampleProposals.jointAiResearch()
                .get(ProposalFields.OBJECTIVES));
        assertThat(((String) shown.get(PROPOSAL_HISTORY)).lines()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).matches("- \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC · Submitted / 已提交 · applicant");
            assertThat(lines.get(1)).endsWith(" · Changes requested / 要求修改 · STZA · stza-reviewer · "
                    + "Please name the \\*two\\* mills of the pilot");
            assertThat(lines.get(2)).endsWith(" · Resubmitted / 已重新提交 · applicant · changed / 已修改: Budget / 预算");
        });
        assertThat(runtimeService.getVariable(mainInstanceId(reference), ProposalFields.BUDGET_AMOUNT))
                .as("Cockpit shows the exchange process with the revised fields").isEqualTo(240000.0);

        decide(reference, STZA_REVIEWER, "APPROVE", "Fine now");
        Task zbraReview = reviewTask(reference);
        assertThat(formService.getTaskFormVariables(zbraReview.getId())).as("STZA's decision is not ZBRA's")
                .doesNotContainKeys(DECISION, COMMENT);
        assertThat((String) taskService.getVariableLocal(zbraReview.getId(), PROPOSAL_SUMMARY))
                .as("ZBRA sees the revised version").contains("240,000.00 USD");
        assertThat((String) taskService.getVariableLocal(zbraReview.getId(), PROPOSAL_HISTORY))
                .contains("Approved by STZA / STZA 已批准 · STZA · stza-reviewer · Fine now");
    }

    @Test
    void aWaitingReview_holdsWhatItWorksWith_notACopyOfTheProposal() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());

        assertThat(runtimeService.getVariables(review(reference).getId())).containsOnlyKeys(REFERENCE,
                APPLICANT_USER, PARTY, REVIEWER_GROUP, SUPERVISOR_GROUP);
        assertThat(runtimeService.getVariables(review(reference).getId())).containsEntry(REFERENCE, reference)
                .containsEntry(APPLICANT_USER, APPLICANT).containsEntry(PARTY, "STZA");
    }

    @Test
    void reviewDecision_submittedAsTheFormSendsIt_movesTheReviewOn() {
        String reference = submittedAndAcknowledged(SampleProposals.jointAiResearch());
        Task review = reviewTask(reference);
        taskService.claim(review.getId(), STZA_REVIEWER);

        formService.submitTaskForm(review.getId(), Map.of(DECISION, "REJECT", COMMENT, "Out of scope",
                COMMENT_RULE_MET, true));

        assertThat(latest(reference, org.pkcn.exchange.proposal.ProposalStatus.REJECTED).comment())
                .isEqualTo("Out of scope");
    }

    private String submittedAndAcknowledged(Map<String, Object> fields) {
        String reference = referenceOf(submit(fields));
        runPendingStep(reference);
        return reference;
    }

    private void runReviewStep(String reference) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review(reference).getId())
                .messages().singleResult().getId());
    }

    private static String idOf(InputStream form) throws IOException {
        try (form) {
            JsonNode json = JSON.readTree(form);
            return json.get("id").asText();
        }
    }
}
