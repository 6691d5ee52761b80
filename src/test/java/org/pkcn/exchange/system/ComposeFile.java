package org.pkcn.exchange.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** docker/compose.yaml, read with SnakeYAML (anchors and merge keys resolved as Compose resolves them). */
record ComposeFile(Map<String, Map<String, Object>> services) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?:(:?[-?])([^}]*))?}");

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return new ComposeFile((Map<String, Map<String, Object>>) compose.get("services"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services that run this application: those built from the given Dockerfile. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> builtFrom(String dockerfile) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Object build = service.get("build");
            if (build instanceof Map<?, ?> map && dockerfile.equals(((Map<String, Object>) map).get("dockerfile"))) {
                nodes.put(name, service);
            }
        });
        return nodes;
    }

    /** A service's environment as written, ${...} left for {@link #interpolate}. */
    @SuppressWarnings("unchecked")
    static Map<String, String> environmentOf(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> environment.put(key, value == null ? "" : value.toString()));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    static List<String> portsOf(Map<String, Object> service) {
        Object ports = service.get("ports");
        return ports == null ? List.of() : ((List<Object>) ports).stream().map(Object::toString).toList();
    }

    /** A ${NAME}, ${NAME:-default} or ${NAME:?error} in a value. */
    record Variable(String name, String operator, String argument) {

        boolean required() {
            return operator != null && operator.endsWith("?");
        }
    }

    static List<Variable> variablesIn(String value) {
        return VARIABLE.matcher(value).results().map(found -> new Variable(found.group(1), found.group(2), found.group(3)))
                .toList();
    }

    /** Replaces ${VAR}, ${VAR:-default}, ${VAR:?error} as Compose does, from the given operator's variables. */
    static String interpolate(String value, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String operator = matcher.group(2);
            String set = variables.get(name);
            String replacement;
            if (set != null && !(set.isEmpty() && operator != null && operator.startsWith(":"))) {
                replacement = set;
            } else if (operator != null && operator.endsWith("-")) {
                replacement = matcher.group(3);
            } else if (operator != null && operator.endsWith("?")) {
                throw new IllegalArgumentException(name + " is required: " + matcher.group(3));
            } else {
                replacement = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
