package org.pkcn.exchange.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Judges a whole set before anything of it is deployed, and reports every problem at once: each BPMN and DMN
 * file through the engine's own parser, then what the files refer to (beans, classes, forms, decisions,
 * processes, groups), scripts, and the forms. The same checks for the folders, an upload and the Modeler.
 */
@Component
class ModelValidator {

    private final EngineParse engineParse;
    private final BpmnChecks bpmnChecks;
    private final DmnChecks dmnChecks;
    private final FormChecks formChecks;

    ModelValidator(EngineParse engineParse, BpmnChecks bpmnChecks, DmnChecks dmnChecks, FormChecks formChecks) {
        this.engineParse = engineParse;
        this.bpmnChecks = bpmnChecks;
        this.dmnChecks = dmnChecks;
        this.formChecks = formChecks;
    }

    /** Every problem of the set; empty when it may be deployed. */
    List<ModelProblem> problemsIn(ModelSet models) {
        List<ModelProblem> problems = new ArrayList<>();
        if (models.resources().isEmpty()) {
            problems.add(ModelProblem.of(null, "the set is empty: no .bpmn, .dmn or .form file"));
        } else if (models.resources().keySet().stream().noneMatch(name -> name.endsWith(".bpmn"))) {
            problems.add(ModelProblem.of(null, "the set has no process model (.bpmn)"));
        }
        Map<String, XmlFile> bpmn = new LinkedHashMap<>();
        Map<String, XmlFile> dmn = new LinkedHashMap<>();
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        for (String name : models.resources().keySet()) {
            String text = models.text(name);
            if (name.endsWith(".bpmn") || name.endsWith(".dmn")) {
                Object xml = XmlFile.read(name, models.resources().get(name), text);
                if (xml instanceof XmlFile file) {
                    problems.addAll(engineParse.problemsIn(name, models.resources().get(name), text));
                    (name.endsWith(".bpmn") ? bpmn : dmn).put(name, file);
                } else {
                    problems.add((ModelProblem) xml); // not XML: said with its line, which the engine does not give
                }
            } else if (name.endsWith(ModelSet.FORM_SUFFIX)) {
                Object form = formChecks.read(name, text);
                if (form instanceof JsonNode json) {
                    forms.put(name, json);
                } else {
                    @SuppressWarnings("unchecked")
                    List<ModelProblem> formProblems = (List<ModelProblem>) form;
                    problems.addAll(formProblems);
                }
            } else {
                problems.add(ModelProblem.of(name, "is neither a process model (.bpmn), a decision table (.dmn) nor a "
                        + "form (.form)"));
            }
        }

        SetFacts facts = new SetFacts();
        bpmn.values().forEach(file -> bpmnChecks.collect(file, facts));
        dmn.values().forEach(file -> dmnChecks.collect(file, facts));
        forms.forEach((name, form) -> formChecks.collect(name, form, facts));
        problems.addAll(facts.duplicates);
        bpmn.values().forEach(file -> problems.addAll(bpmnChecks.check(file, facts, models)));
        dmn.values().forEach(file -> problems.addAll(dmnChecks.check(file)));
        forms.forEach((name, form) -> problems.addAll(formChecks.check(name, models.text(name), form, facts)));
        return ordered(models, problems);
    }

    /** Lines filled in where an element is known, duplicates dropped, in file order then line order. */
    private static List<ModelProblem> ordered(ModelSet models, List<ModelProblem> problems) {
        List<String> files = new ArrayList<>(models.resources().keySet());
        LinkedHashSet<ModelProblem> distinct = new LinkedHashSet<>();
        for (ModelProblem problem : problems) {
            Integer line = problem.line() != null || problem.file() == null ? problem.line()
                    : SourceLines.lineOfId(models.text(problem.file()), problem.element());
            distinct.add(new ModelProblem(problem.file(), line, problem.element(), problem.message()));
        }
        return distinct.stream().sorted(Comparator
                .comparing((ModelProblem problem) -> problem.file() == null ? -1 : files.indexOf(problem.file()))
                .thenComparing(problem -> problem.line() == null ? 0 : problem.line())).toList();
    }
}
