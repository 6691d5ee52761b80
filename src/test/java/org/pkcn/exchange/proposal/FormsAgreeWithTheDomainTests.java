package org.pkcn.exchange.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pkcn.exchange.proposal.ProposalFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.review.ReviewDecision;
import org.pkcn.exchange.review.Reviews;

/**
 * The Camunda Forms in forms/ ask for what the domain accepts, with the same names: a field the form lets through
 * is one ProposalValidator takes, and the review form writes the variables the review process reads. The start
 * and revision forms are written by hand; this test keeps them in step with the code and with each other.
 */
class FormsAgreeWithTheDomainTests {

    static final String START = "submit-proposal.form";
    static final String REVISION = "revise-proposal.form";
    static final String REVIEW = "review-proposal.form";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HIDDEN_WHEN_DOCKING = "=dockingRequested";
    private static final List<String> COUNTERPART_FIELDS = List.of(COUNTERPART_NAME, COUNTERPART_KIND, COUNTERPART_EMAIL);

    private final ProposalValidator validator = new ProposalValidator(Clock.systemUTC());

    static JsonNode form(String file) {
        try {
            return JSON.readTree(Files.readString(Path.of("forms", file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every component of the form, groups' children included, in order. */
    static List<JsonNode> components(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    /** The components that write a variable, by their key. */
    static Map<String, JsonNode> inputs(JsonNode form) {
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        for (JsonNode component : components(form)) {
            if (component.has("key")) {
                assertThat(inputs.put(component.get("key").asText(), component)).as("key %s twice", component.get("key"))
                        .isNull();
            }
        }
        return inputs;
    }

    private static Set<String> requiredKeys(JsonNode form) {
        return inputs(form).entrySet().stream().filter(input -> input.getValue().at("/validate/required").asBoolean())
                .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The fields the validator reports as missing when left empty, one at a time, in an otherwise valid proposal. */
    private Set<String> requiredByTheValidator(Map<String, Object> valid) {
        validator.validate(valid);
        Set<String> required = new LinkedHashSet<>();
        for (String field : ALL) {
            Map<String, Object> input = new HashMap<>(valid);
            input.put(field, null);
            try {
                validator.validate(input);
            } catch (InvalidProposalException refused) {
                if (refused.errors().contains(new FieldError(field, "required", "is required"))) {
                    required.add(field);
                }
            }
        }
        return required;
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION, REVIEW})
    void isACamundaFormForThe724Tasklist(String file) {
        JsonNode form = form(file);
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(form.path("exporter").path("name").asText()).isNotBlank();
        assertThat(form.path("id").asText()).isEqualTo(file.replace(".form", ""));
        List<String> ids = components(form).stream().map(component -> component.path("id").asText()).toList();
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void eachFormIsTheOneItsModelElementReferences() {
        BpmnModelInstance proposal = Bpmn.readModelFromFile(Path.of("processes", "exchange-proposal.bpmn").toFile());
        BpmnModelInstance review = Bpmn.readModelFromFile(Path.of("processes", "proposal-review.bpmn").toFile());
        StartEvent submitted = proposal.getModelElementById("StartEvent_ProposalSubmitted");
        UserTask reviewTask = review.getModelElementById("Task_ReviewProposal");
        UserTask reviseTask = review.getModelElementById("Task_ReviseProposal");

        assertThat(submitted.getCamundaFormRef()).isEqualTo(form(START).get("id").asText());
        assertThat(submitted.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(reviewTask.getCamundaFormRef()).isEqualTo(form(REVIEW).get("id").asText());
        assertThat(reviewTask.getCamundaFormRefBinding()).isEqualTo("deployment");
        assertThat(reviseTask.getCamundaFormRef()).isEqualTo(form(REVISION).get("id").asText());
        assertThat(reviseTask.getCamundaFormRefBinding()).isEqualTo("deployment");
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("every form in forms/ is used by a model").containsExactlyInAnyOrder(START, REVISION, REVIEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void asksForEveryProposalFieldAndNothingElse(String file) {
        assertThat(inputs(form(file)).keySet()).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void requiresWhatTheValidatorRequires(String file) {
        JsonNode form = form(file);
        Set<String> requiredByForm = requiredKeys(form);
        Set<String> shownWithDocking = new LinkedHashSet<>(requiredByForm);
        shownWithDocking.removeAll(COUNTERPART_FIELDS);

        assertThat(requiredByForm).as("without docking")
                .containsExactlyInAnyOrderElementsOf(requiredByTheValidator(SampleProposals.jointAiResearch()));
        assertThat(shownWithDocking).as("with docking")
                .containsExactlyInAnyOrderElementsOf(requiredByTheValidator(SampleProposals.dockingRequestInChinese()));
        inputs(form).forEach((key, input) -> assertThat(input.at("/conditional/hide").asText())
                .as("condition of %s", key).isEqualTo(COUNTERPART_FIELDS.contains(key) ? HIDDEN_WHEN_DOCKING : ""));
        JsonNode docking = inputs(form).get(DOCKING_REQUESTED);
        assertThat(docking.get("type").asText()).isEqualTo("checkbox");
        assertThat(docking.at("/validate/required").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void offersExactlyTheEnumsConstantsAsChoices(String file) {
        Map<String, JsonNode> inputs = inputs(form(file));
        Set<String> choiceFields = new LinkedHashSet<>();
        for (var component : ProposalDetails.class.getRecordComponents()) {
            if (!component.getType().isEnum()) {
                continue;
            }
            choiceFields.add(component.getName());
            List<String> expected = component.getType() == Language.class
                    ? Arrays.stream(Language.values()).map(Language::code).toList()
                    : Arrays.stream(component.getType().getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                            .toList();
            JsonNode input = inputs.get(component.getName());
            assertThat(input.get("type").asText()).as(component.getName()).isIn("select", "radio");
            assertThat(input.get("values").findValuesAsText("value")).as(component.getName())
                    .containsExactlyElementsOf(expected);
            input.get("values").forEach(value -> assertThat(value.get("label").asText()).as("label of %s", value)
                    .contains(" / "));
        }
        assertThat(inputs.values().stream().filter(input -> input.has("values")).map(input -> input.get("key").asText()))
                .containsExactlyInAnyOrderElementsOf(choiceFields);
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void limitsTextsAsTheValidatorDoes(String file) {
        Map<String, Integer> expected = Map.of(TITLE, ProposalValidator.SHORT_TEXT, APPLICANT_NAME,
                ProposalValidator.SHORT_TEXT, APPLICANT_CITY, ProposalValidator.CITY_TEXT, CONTACT_NAME,
                ProposalValidator.SHORT_TEXT, CONTACT_EMAIL, ProposalValidator.EMAIL_TEXT, COUNTERPART_NAME,
                ProposalValidator.SHORT_TEXT, COUNTERPART_EMAIL, ProposalValidator.EMAIL_TEXT, OBJECTIVES,
                ProposalValidator.LONG_TEXT, EXPECTED_OUTCOMES, ProposalValidator.LONG_TEXT);
        Map<String, JsonNode> texts = inputs(form(file)).entrySet().stream()
                .filter(input -> List.of("textfield", "textarea").contains(input.getValue().get("type").asText()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(texts.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        texts.forEach((key, input) -> {
            int maxLength = input.at("/validate/maxLength").asInt();
            assertThat(maxLength).as("maxLength of %s", key).isEqualTo(expected.get(key));
            boolean email = key.equals(CONTACT_EMAIL) || key.equals(COUNTERPART_EMAIL);
            // An e-mail field refuses blanks by its pattern; the others by minLength 1 (form-js trims first).
            assertThat(input.at(email ? "/validate/pattern" : "/validate/minLength").isMissingNode()).as(key).isFalse();
            String longest = email ? "a".repeat(maxLength - "@example.org".length()) + "@example.org" : "a".repeat(maxLength);
            String tooLong = "b" + longest;
            assertThat(validator.validate(with(key, longest))).as("%s of %d characters", key, maxLength).isNotNull();
            assertThatThrownBy(() -> validator.validate(with(key, tooLong)))
                    .isInstanceOfSatisfying(InvalidProposalException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(key, "too-long")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void checksEmailsWithTheValidatorsPattern(String file) {
        Map<String, JsonNode> inputs = inputs(form(file));
        for (String key : List.of(CONTACT_EMAIL, COUNTERPART_EMAIL)) {
            assertThat(inputs.get(key).at("/validate/pattern").asText()).as(key)
                    .isEqualTo(ProposalValidator.EMAIL.pattern());
            // form-js's own e-mail check lets "name@localhost" through, which the validator refuses
            assertThat(inputs.get(key).at("/validate/validationType").isMissingNode()).as(key).isTrue();
        }
        assertThat(inputs.values().stream().filter(input -> input.at("/validate/pattern").isTextual()).count())
                .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void boundsNumbersAsTheValidatorDoes(String file) {
        Map<String, JsonNode> inputs = inputs(form(file));
        JsonNode months = inputs.get(DURATION_MONTHS);
        assertThat(months.get("type").asText()).isEqualTo("number");
        assertThat(months.get("decimalDigits").asInt()).as("whole months").isZero();
        assertThat(months.at("/validate/min").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(ProposalValidator.MIN_DURATION_MONTHS));
        assertThat(months.at("/validate/max").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(ProposalValidator.MAX_DURATION_MONTHS));

        JsonNode budget = inputs.get(BUDGET_AMOUNT);
        assertThat(budget.get("type").asText()).isEqualTo("number");
        assertThat(budget.get("decimalDigits").asInt()).isEqualTo(ProposalValidator.BUDGET_DECIMALS);
        // "more than 0" with at most BUDGET_DECIMALS decimals: the smallest amount is one cent
        assertThat(budget.at("/validate/min").decimalValue()).isEqualByComparingTo(
                BigDecimal.ONE.movePointLeft(ProposalValidator.BUDGET_DECIMALS));
        assertThat(budget.at("/validate/max").decimalValue()).isEqualByComparingTo(ProposalValidator.MAX_BUDGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {START, REVISION})
    void asksForAStartDateFromTodayWithinTheValidatorsYears(String file) {
        JsonNode date = inputs(form(file)).get(START_DATE);
        assertThat(date.get("type").asText()).isEqualTo("datetime");
        assertThat(date.get("subtype").asText()).isEqualTo("date");
        assertThat(date.get("disallowPassedDates").asBoolean()).isTrue();
        assertThat(date.at("/validate/min").asText()).isEqualTo("=substring(string(today()), 1, 10)");
        // One day short of the validator's limit: the browser's today may be a day ahead of the server's (UTC)
        assertThat(date.at("/validate/max").asText()).isEqualTo("=substring(string(today() + duration(\"P"
                + ProposalValidator.MAX_YEARS_AHEAD + "Y\") - duration(\"P1D\")), 1, 10)");
    }

    @Test
    void revisionForm_asksForTheProposalExactlyAsTheStartFormDoes() {
        assertThat(proposalGroups(form(REVISION))).isEqualTo(proposalGroups(form(START))).hasSize(5);
    }

    private static List<JsonNode> proposalGroups(JsonNode form) {
        List<JsonNode> groups = new ArrayList<>();
        form.get("components").forEach(component -> {
            if (components(component).stream().anyMatch(child -> child.has("key"))) {
                groups.add(component);
            }
        });
        return groups;
    }

    @Test
    void reviewForm_writesTheDecisionAndCommentTheProcessReads() {
        Map<String, JsonNode> inputs = inputs(form(REVIEW));
        assertThat(Reviews.DECISION).isEqualTo(ExchangeProposalProcess.DECISION);
        assertThat(Reviews.COMMENT).isEqualTo(ExchangeProposalProcess.COMMENT);
        assertThat(inputs.keySet()).containsExactly(ExchangeProposalProcess.DECISION, ExchangeProposalProcess.COMMENT,
                ExchangeProposalProcess.COMMENT_RULE_MET);

        JsonNode decision = inputs.get(ExchangeProposalProcess.DECISION);
        assertThat(decision.at("/validate/required").asBoolean()).isTrue();
        assertThat(decision.get("values").findValuesAsText("value")).containsExactlyElementsOf(
                Arrays.stream(ReviewDecision.values()).map(Enum::name).toList());
        assertThat(decision.get("values").findValuesAsText("label"))
                .containsExactly("Approve / 批准", "Reject / 拒绝", "Request changes / 要求修改");

        JsonNode comment = inputs.get(ExchangeProposalProcess.COMMENT);
        assertThat(comment.get("type").asText()).isEqualTo("textarea");
        assertThat(comment.at("/validate/required").asBoolean()).as("not for an approval").isFalse();
        assertThat(comment.at("/validate/maxLength").asInt()).as("the history's comment column")
                .isEqualTo(commentColumnLength());
    }

    /**
     * The form-js of the 7.24 Tasklist takes no expression for "required", so the review form computes
     * commentRuleMet (required, null while a comment is missing) and shows a warning in the same case.
     */
    @Test
    void reviewForm_asksForACommentExactlyWhenTheDomainDoes() {
        JsonNode form = form(REVIEW);
        JsonNode check = inputs(form).get(ExchangeProposalProcess.COMMENT_RULE_MET);
        assertThat(check.get("type").asText()).isEqualTo("expression");
        assertThat(check.get("computeOn").asText()).isEqualTo("change");
        assertThat(check.at("/validate/required").asBoolean()).isTrue();
        String warningCondition = components(form).stream()
                .filter(component -> component.path("id").asText().equals("Text_CommentRequired")).findFirst()
                .orElseThrow().at("/conditional/hide").asText();
        for (String expression : List.of(check.get("expression").asText(), warningCondition)) {
            for (ReviewDecision decision : ReviewDecision.values()) {
                assertThat(expression.contains("decision = \"" + decision.name() + "\""))
                        .as("%s names %s", expression, decision).isEqualTo(decision.needsComment());
            }
        }
    }

    @Test
    void reviewSummary_namesTheChoicesWithTheStartFormsLabels() {
        Map<String, Class<? extends Enum<?>>> choices = Map.of(APPLICANT_KIND, OrganisationKind.class,
                APPLICANT_COUNTRY, Country.class, CONTACT_LANGUAGE, Language.class, COUNTERPART_KIND,
                OrganisationKind.class, SECTOR, Sector.class, EXCHANGE_KIND, ExchangeKind.class);
        Map<String, JsonNode> startInputs = inputs(form(START));
        choices.forEach((field, type) -> {
            Map<String, String> expected = new LinkedHashMap<>();
            startInputs.get(field).get("values").forEach(value -> expected.put(value.get("value").asText(),
                    value.get("label").asText()));
            Map<String, String> shown = new LinkedHashMap<>();
            for (Enum<?> choice : type.getEnumConstants()) {
                shown.put(choice instanceof Language language ? language.code() : choice.name(),
                        ProposalDisplay.CHOICE_LABELS.get(choice));
            }
            assertThat(shown).as("labels of %s", field).containsExactlyInAnyOrderEntriesOf(expected);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {REVISION, REVIEW})
    void showsOnlyVariablesTheTaskHas(String file) {
        Set<String> known = new LinkedHashSet<>(List.of(ExchangeProposalProcess.REFERENCE,
                ExchangeProposalProcess.PARTY));
        if (file.equals(REVIEW)) {
            known.addAll(List.of(ExchangeProposalProcess.PROPOSAL_SUMMARY, ExchangeProposalProcess.PROPOSAL_OBJECTIVES,
                    ExchangeProposalProcess.PROPOSAL_EXPECTED_OUTCOMES, ExchangeProposalProcess.PROPOSAL_HISTORY));
        } else {
            known.addAll(ALL);
            known.add(ExchangeProposalProcess.COMMENT);
        }
        // No form maps a code through a FEEL context any more (the review's summary is written by ProposalDisplay):
        // every variable a text shows stands as {{name}}.
        Pattern variable = Pattern.compile("\\{\\{(\\w+)}}");
        Set<String> shown = new LinkedHashSet<>();
        for (JsonNode text : textsOf(form(file))) {
            Matcher matcher = variable.matcher(text.asText());
            while (matcher.find()) {
                shown.add(matcher.group(1));
            }
        }
        if (file.equals(REVIEW)) {
            assertThat(shown).as("the review shows the proposal as the registry has it, not process variables")
                    .containsExactlyInAnyOrderElementsOf(known);
        } else {
            assertThat(shown).isSubsetOf(known).contains(ExchangeProposalProcess.COMMENT,
                    ExchangeProposalProcess.PARTY);
        }
    }

    private static List<JsonNode> textsOf(JsonNode form) {
        return components(form).stream().filter(component -> component.get("type").asText().equals("text"))
                .map(component -> component.get("text")).toList();
    }

    private static int commentColumnLength() {
        try {
            return StatusChange.class.getDeclaredField("comment").getAnnotation(Column.class).length();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        return SampleProposals.with(SampleProposals.jointAiResearch(), field, value);
    }
}
