package org.pkcn.exchange.deployment.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pkcn.exchange.deployment.InvalidModelsException;

/**
 * The answer to a set that was refused, the same on the administration API and to the Modeler: 422
 * {@code application/problem+json} with every problem ({@code problems}: file, line, element, message), and
 * {@code message}, the same list as text, which is what Camunda Modeler shows when a deployment fails.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final int UNPROCESSABLE = 422;

    private Problems() {
    }

    static Map<String, Object> invalidModels(InvalidModelsException invalid) {
        int count = invalid.problems().size();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:exchange:problem:invalid-models");
        problem.put("title", "The models were not deployed");
        problem.put("status", UNPROCESSABLE);
        problem.put("detail", count + (count == 1 ? " problem" : " problems") + " in the models; nothing was deployed.");
        problem.put("message", invalid.getMessage());
        problem.put("problems", invalid.problems());
        return problem;
    }

    static Map<String, Object> of(int status, String title) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        return problem;
    }
}
