package org.pkcn.exchange.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A DMN file's decisions are known to the rest of the set, the names its inputs read count as variables the
 * process knows, and its expressions are FEEL or JUEL: a script language (JavaScript, Groovy, ...) is refused
 * unless scripts are allowed.
 */
@Component
class DmnChecks {

    private final ModelProperties properties;

    DmnChecks(ModelProperties properties) {
        this.properties = properties;
    }

    void collect(XmlFile file, SetFacts facts) {
        file.visit((element, id) -> {
            switch (element.getLocalName()) {
                case "decision" -> facts.defines(facts.decisions, "decision", element.getAttribute("id"), file.name);
                case "inputExpression" -> {
                    for (var text = element.getFirstChild(); text != null; text = text.getNextSibling()) {
                        if ("text".equals(text.getLocalName())) {
                            facts.mentions(text.getTextContent());
                        }
                    }
                }
                case "input" -> {
                    String inputVariable = XmlFile.camunda(element, "inputVariable");
                    if (inputVariable != null) {
                        facts.variables.add(inputVariable);
                    }
                }
                default -> {
                }
            }
        });
    }

    List<ModelProblem> check(XmlFile file) {
        List<ModelProblem> problems = new ArrayList<>();
        if (properties.allowScripts()) {
            return problems;
        }
        file.visit((element, id) -> {
            String language = element.getAttribute("expressionLanguage");
            if (!language.isBlank() && !isExpressionLanguage(language)) {
                problems.add(file.problem(id, "uses the script language \"" + language + "\": deploying a script is "
                        + "running code on the server, so scripts are refused (exchange.models.allow-scripts=false); "
                        + "write the expression in FEEL"));
            }
        });
        return problems;
    }

    private static boolean isExpressionLanguage(String language) {
        String name = language.strip().toLowerCase(Locale.ROOT);
        return name.contains("feel") || name.equals("juel");
    }
}
