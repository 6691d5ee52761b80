package org.pkcn.exchange.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.pkcn.exchange.proposal.ProposalFields;
import org.springframework.stereotype.Component;

/**
 * A form file is a Camunda Form the 7.24 Tasklist can show (JSON with an id, type "default", a schema version it
 * reads, components with a type), and every field it writes is a variable the process knows: a proposal field, a
 * name the process code shares with the models ({@link ExchangeProposalProcess}), or a name a model of the set
 * reads or writes.
 */
@Component
class FormChecks {

    /** The newest form schema the form-js bundled with the 7.24 Tasklist reads. */
    static final int NEWEST_SCHEMA_VERSION = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The form, or the problems that keep it from being one. */
    Object read(String name, String text) {
        JsonNode form;
        try {
            form = JSON.readTree(text);
        } catch (JsonProcessingException malformed) {
            int line = malformed.getLocation() == null ? -1 : malformed.getLocation().getLineNr();
            return List.of(new ModelProblem(name, line > 0 ? line : null, null,
                    "not valid JSON: " + malformed.getOriginalMessage()));
        }
        List<ModelProblem> problems = new ArrayList<>();
        if (form == null || !form.isObject()) {
            return List.of(ModelProblem.of(name, "is not a Camunda Form: a form is a JSON object"));
        }
        if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
            problems.add(ModelProblem.of(name, "has no \"id\": the process finds a form by its id (camunda:formRef)"));
        }
        if (!"default".equals(form.path("type").asText())) {
            problems.add(ModelProblem.of(name, "is not a Camunda Form: its \"type\" must be \"default\""));
        }
        if (!form.path("components").isArray()) {
            problems.add(ModelProblem.of(name, "is not a Camunda Form: it has no \"components\" list"));
        }
        JsonNode schemaVersion = form.path("schemaVersion");
        if (!schemaVersion.canConvertToInt() || schemaVersion.asInt() < 1) {
            problems.add(ModelProblem.of(name, "has no \"schemaVersion\""));
        } else if (schemaVersion.asInt() > NEWEST_SCHEMA_VERSION) {
            problems.add(ModelProblem.of(name, "has schemaVersion " + schemaVersion.asInt() + "; the 7.24 Tasklist reads "
                    + "forms up to " + NEWEST_SCHEMA_VERSION + " (in Camunda Modeler, set the form's execution platform to "
                    + "Camunda Platform 7.24)"));
        }
        checkComponents(name, text, form, problems);
        return problems.isEmpty() ? form : problems;
    }

    private static void checkComponents(String name, String text, JsonNode container, List<ModelProblem> problems) {
        for (JsonNode component : container.path("components")) {
            if (!component.isObject() || !component.path("type").isTextual()) {
                String id = component.path("id").asText(null);
                problems.add(new ModelProblem(name, id == null ? null : SourceLines.lineOfFormField(text, id, ""), id,
                        "has a component without a \"type\""));
                continue;
            }
            checkComponents(name, text, component, problems);
        }
    }

    void collect(String name, JsonNode form, SetFacts facts) {
        facts.defines(facts.forms, "form", form.path("id").asText(), name);
    }

    List<ModelProblem> check(String name, String text, JsonNode form, SetFacts facts) {
        Set<String> known = new LinkedHashSet<>(catalogue());
        known.addAll(facts.variables);
        List<ModelProblem> problems = new ArrayList<>();
        checkKeys(name, text, form, "", known, problems);
        return problems;
    }

    private static void checkKeys(String name, String text, JsonNode container, String path, Set<String> known,
            List<ModelProblem> problems) {
        for (JsonNode component : container.path("components")) {
            String nested = path;
            if (component.path("path").isTextual() && !component.path("path").asText().isBlank()) {
                nested = path.isEmpty() ? component.path("path").asText() : path + "." + component.path("path").asText();
            }
            if (component.path("key").isTextual()) {
                String key = component.path("key").asText();
                String full = path.isEmpty() ? key : path + "." + key;
                String variable = full.split("[.\\[]", 2)[0];
                if (!known.contains(variable)) {
                    String id = component.path("id").asText(null);
                    problems.add(new ModelProblem(name, SourceLines.lineOfFormField(text, id, key), id, "the field "
                            + "writes the variable '" + variable + "', which no process of the set and no code of the "
                            + "service reads; check the key for a typo, or add the variable to the process first"));
                }
            }
            checkKeys(name, text, component, nested, known, problems);
        }
    }

    /** The variables the service's code knows: the proposal's fields and the names shared with the models. */
    static Set<String> catalogue() {
        Set<String> names = new LinkedHashSet<>(ProposalFields.ALL);
        for (Field field : ExchangeProposalProcess.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
