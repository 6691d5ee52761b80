package org.pkcn.exchange.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** docker/: the image and the application nodes compose runs from it, as the tests read them. */
final class Deployment {

    static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    static final Path COMPOSE = Path.of("docker/compose.yaml");
    /** How compose.yaml names the Dockerfile, relative to its build context (the repository). */
    static final String DOCKERFILE_FROM_CONTEXT = "docker/Dockerfile";

    private Deployment() {
    }

    static Dockerfile dockerfile() {
        return Dockerfile.read(DOCKERFILE);
    }

    /** The services that run this application. */
    static Map<String, Map<String, Object>> nodes() {
        Map<String, Map<String, Object>> nodes = ComposeFile.read(COMPOSE).builtFrom(DOCKERFILE_FROM_CONTEXT);
        if (nodes.isEmpty()) {
            throw new IllegalStateException(COMPOSE + " builds no service from " + DOCKERFILE_FROM_CONTEXT);
        }
        return nodes;
    }

    /** What a node's process sees: the image's ENV, the node's environment over it, ${...} from the operator. */
    static Map<String, String> containerEnvironment(Map<String, Object> node, Map<String, String> operatorVariables) {
        Map<String, String> environment = new LinkedHashMap<>(dockerfile().last().environment());
        ComposeFile.environmentOf(node).forEach((name, value) ->
                environment.put(name, ComposeFile.interpolate(value, operatorVariables)));
        return environment;
    }
}
