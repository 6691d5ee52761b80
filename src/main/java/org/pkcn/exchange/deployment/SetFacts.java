package org.pkcn.exchange.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the files of a set declare to each other: the processes, decisions and forms they define, the variables
 * they read or write, and the literal values they give variables (a call activity passing
 * {@code reviewerGroup = "stza-reviewers"} to the review it calls). The checks ask it across files.
 */
final class SetFacts {

    /** A literal value given to a variable, and where. */
    record Assignment(String value, String file, String element) {
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
            "false", "null", "empty", "div", "mod", "instanceof", "if", "then", "else", "for", "in", "return", "some",
            "every", "satisfies", "between", "function");

    final Map<String, String> processes = new LinkedHashMap<>();
    final Map<String, String> decisions = new LinkedHashMap<>();
    final Map<String, String> forms = new LinkedHashMap<>();
    final Set<String> variables = new LinkedHashSet<>();
    final Map<String, List<Assignment>> assignments = new LinkedHashMap<>();
    final List<ModelProblem> duplicates = new ArrayList<>();

    void defines(Map<String, String> definitions, String kind, String id, String file) {
        String earlier = definitions.putIfAbsent(id, file);
        if (earlier != null) {
            duplicates.add(ModelProblem.at(file, id, "the " + kind + " '" + id + "' is defined twice in the set, here and in "
                    + earlier + "; each id may appear once"));
        }
    }

    void assigns(String variable, String value, String file, String element) {
        assignments.computeIfAbsent(variable, name -> new ArrayList<>()).add(new Assignment(value, file, element));
        variables.add(variable);
    }

    List<Assignment> valuesOf(String variable) {
        return assignments.getOrDefault(variable, List.of());
    }

    /** Records the names an expression (JUEL or FEEL) reads; generous: a bean or function name counts too. */
    void mentions(String expression) {
        if (expression == null) {
            return;
        }
        Matcher identifier = IDENTIFIER.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group())) {
                variables.add(identifier.group());
            }
        }
    }

    static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** "${name}" or "#{name}" as a whole: the variable or bean it names, else null. */
    static String plainName(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher plain = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$").matcher(expression);
        return plain.matches() ? plain.group(1) : null;
    }
}
