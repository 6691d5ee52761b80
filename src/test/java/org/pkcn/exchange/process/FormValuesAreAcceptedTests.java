package org.pkcn.exchange.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.process.ExchangeProposalProcess.*;
import static org.pkcn.exchange.proposal.ProposalFields.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.proposal.Proposal;
import org.pkcn.exchange.proposal.ProposalDetails;
import org.pkcn.exchange.proposal.ProposalStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A value the forms let through is never refused later. The edge values each form field allows (read from the
 * form itself: its min, max, maxLength, decimals and the dates its FEEL bounds give today) are submitted through
 * the engine's form service, typed as the Tasklist's JSON makes them (whole numbers Integer or Long, decimals
 * Double, dates text), and the registry takes every one. Whether the call then finds the proposal eligible is
 * the eligibility table's business, not a refusal.
 */
@ExchangeTest
class FormValuesAreAcceptedTests extends ProcessScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;

    static Map<String, JsonNode> startFormInputs() {
        try {
            Map<String, JsonNode> inputs = new LinkedHashMap<>();
            collect(JSON.readTree(Files.readString(Path.of("forms", "submit-proposal.form"))), inputs);
            return inputs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode container, Map<String, JsonNode> inputs) {
        for (JsonNode component : container.path("components")) {
            if (component.has("key")) {
                inputs.put(component.get("key").asText(), component);
            }
            collect(component, inputs);
        }
    }

    private static BigDecimal bound(String field, String which) {
        return startFormInputs().get(field).at("/validate/" + which).decimalValue();
    }

    private static int maxLength(String field) {
        return startFormInputs().get(field).at("/validate/maxLength").asInt();
    }

    /** The dates the form's FEEL bounds give in a browser whose today is the server's (UTC). */
    private static LocalDate earliestStart() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static LocalDate latestStart() {
        return earliestStart().plusYears(5).minusDays(1);
    }

    static Stream<Arguments> edgeValues() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("shortest duration", Map.of(DURATION_MONTHS, bound(DURATION_MONTHS, "min"))));
        cases.add(Arguments.of("longest duration", Map.of(DURATION_MONTHS, bound(DURATION_MONTHS, "max"))));
        cases.add(Arguments.of("smallest budget", Map.of(BUDGET_AMOUNT, bound(BUDGET_AMOUNT, "min"))));
        cases.add(Arguments.of("largest budget", Map.of(BUDGET_AMOUNT, bound(BUDGET_AMOUNT, "max"))));
        cases.add(Arguments.of("largest budget with cents", Map.of(BUDGET_AMOUNT,
                bound(BUDGET_AMOUNT, "max").subtract(bound(BUDGET_AMOUNT, "min")))));
        cases.add(Arguments.of("budget with two decimals", Map.of(BUDGET_AMOUNT, new BigDecimal("1234.56"))));
        cases.add(Arguments.of("starting today", Map.of(START_DATE, earliestStart().toString())));
        cases.add(Arguments.of("latest start", Map.of(START_DATE, latestStart().toString())));
        Map<String, Object> longest = new LinkedHashMap<>();
        for (String field : List.of(TITLE, APPLICANT_NAME, APPLICANT_CITY, CONTACT_NAME, COUNTERPART_NAME, OBJECTIVES,
                EXPECTED_OUTCOMES)) {
            longest.put(field, "长".repeat(maxLength(field) - 1) + "x");
        }
        for (String field : List.of(CONTACT_EMAIL, COUNTERPART_EMAIL)) {
            longest.put(field, "a".repeat(maxLength(field) - "@example.org".length()) + "@example.org");
        }
        cases.add(Arguments.of("every text at its longest", longest));
        cases.add(Arguments.of("shortest texts", Map.of(TITLE, "x", APPLICANT_CITY, "y", OBJECTIVES, "z",
                CONTACT_EMAIL, "a@b.cn")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeValues")
    void theRegistryTakesWhatTheStartFormAllows(String description, Map<String, Object> edge) {
        Map<String, Object> fields = new LinkedHashMap<>(SampleProposals.jointAiResearch());
        fields.putAll(edge);

        Proposal proposal = registry.get(submittedThroughTheStartForm(fields));

        assertThat(proposal.status()).isIn(ProposalStatus.SUBMITTED, ProposalStatus.SCREENED_OUT);
        assertThat(proposal.history().get(0).status()).isEqualTo(ProposalStatus.SUBMITTED);
        edge.forEach((field, value) -> {
            Object stored = valueOf(proposal.details(), field);
            if (value instanceof BigDecimal number) {
                assertThat(new BigDecimal(stored.toString())).as(field).isEqualByComparingTo(number);
            } else {
                assertThat(stored).as(field).isEqualTo(value);
            }
        });
    }

    @Test
    void dockingRequested_theHiddenCounterpartFieldsSendNothing() {
        Map<String, Object> fields = new LinkedHashMap<>(SampleProposals.jointAiResearch());
        fields.put(DOCKING_REQUESTED, true);
        fields.keySet().removeAll(List.of(COUNTERPART_NAME, COUNTERPART_KIND, COUNTERPART_EMAIL));

        Proposal proposal = registry.get(submittedThroughTheStartForm(fields));

        assertThat(proposal.details().hasCounterpart()).isFalse();
    }

    @Test
    void revision_askingForDockingInstead_isTakenThoughTheOldCounterpartIsStillInTheProcess() {
        String reference = submittedThroughTheStartForm(SampleProposals.jointAiResearch());
        runPendingStep(reference);
        decide(reference, STZA_REVIEWER, "REQUEST_CHANGES", "Your counterpart has left the programme");
        runReviewStep(reference);

        // The revision form hides the counterpart fields once docking is ticked, so it sends all but those.
        Map<String, Object> revised = new LinkedHashMap<>(SampleProposals.jointAiResearch());
        revised.put(DOCKING_REQUESTED, true);
        revised.keySet().removeAll(List.of(COUNTERPART_NAME, COUNTERPART_KIND, COUNTERPART_EMAIL));
        revised.put(DURATION_MONTHS, bound(DURATION_MONTHS, "min"));
        revised.put(BUDGET_AMOUNT, bound(BUDGET_AMOUNT, "min"));
        Task revision = revisionTask(reference);
        formService.submitTaskForm(revision.getId(), asTheTasklistSendsIt(revised));

        Proposal proposal = registry.get(reference);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.RESUBMITTED);
        assertThat(proposal.details().hasCounterpart()).isFalse();
        assertThat(proposal.details().counterpartName()).isNull();
        assertThat(proposal.details().durationMonths()).isEqualTo(1);
        assertThat(runtimeService.getVariable(review(reference).getId(), COUNTERPART_NAME)).isNull();
        assertThat(review(reference)).isNotNull();
        assertThat(reviewTask(reference)).isNotNull();
    }

    @Test
    void registration_writesBackOnlyTheFieldsItNormalised() {
        Map<String, Object> fields = new LinkedHashMap<>(SampleProposals.jointAiResearch());
        String title = (String) fields.get(TITLE);
        fields.put(TITLE, "  " + title + "  ");

        String instance = withEveryVariableWriteRecorded(() -> mainInstanceId(submittedThroughTheStartForm(fields)));

        assertThat(valuesWrittenTo(instance, TITLE)).containsExactly("  " + title + "  ", title);
        assertThat(valuesWrittenTo(instance, APPLICANT_NAME)).containsExactly(fields.get(APPLICANT_NAME));
        assertThat(runtimeService.getVariable(instance, TITLE)).isEqualTo(title);
    }

    /**
     * Runs the step on history level {@code full}, which records each variable write as a history detail
     * row; the service's level leaves those rows out (system.HistoryWithoutVariableDetails).
     */
    private <T> T withEveryVariableWriteRecorded(Supplier<T> step) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        HistoryLevel servicesLevel = configuration.getHistoryLevel();
        configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);
        try {
            return step.get();
        } finally {
            configuration.setHistoryLevel(servicesLevel);
        }
    }

    /** Every value the variable took in this instance, in order, as history level full recorded it. */
    private List<Object> valuesWrittenTo(String instance, String variable) {
        return historyService.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream().map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(variable)).map(HistoricVariableUpdate::getValue)
                .toList();
    }

    /** Starts the process as the Tasklist's start form does: the signed-in applicant submits the form's values. */
    private String submittedThroughTheStartForm(Map<String, Object> fields) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        ProcessInstance instance;
        signIn(APPLICANT);
        try {
            instance = formService.submitStartForm(definitionId, asTheTasklistSendsIt(fields));
        } finally {
            identityService.clearAuthentication();
        }
        return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(REFERENCE).singleResult().getValue();
    }

    /**
     * The values as the Tasklist sends them: form-js's data as JSON, read by the REST API's Jackson into untyped
     * variables (a whole number becomes an Integer or a Long, a decimal a Double).
     */
    private static Map<String, Object> asTheTasklistSendsIt(Map<String, Object> fields) {
        try {
            // JavaScript has one number type and writes a whole one without a decimal point
            Map<String, Object> asJavaScriptHasThem = new LinkedHashMap<>();
            fields.forEach((field, value) -> {
                if (value instanceof Number number) {
                    BigDecimal decimal = new BigDecimal(number.toString());
                    value = decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigIntegerExact() : decimal.doubleValue();
                }
                asJavaScriptHasThem.put(field, value);
            });
            return JSON.readValue(JSON.writeValueAsString(asJavaScriptHasThem), new TypeReference<>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object valueOf(ProposalDetails details, String field) {
        try {
            Object value = ProposalDetails.class.getMethod(field).invoke(details);
            return value instanceof LocalDate date ? date.toString() : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void runReviewStep(String reference) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(review(reference).getId())
                .messages().singleResult().getId());
    }
}
