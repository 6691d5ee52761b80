package org.pkcn.exchange.deployment;

import java.util.List;
import java.util.stream.Collectors;

/** The set was refused and nothing of it deployed; {@link #problems()} says everything that is wrong at once. */
public class InvalidModelsException extends RuntimeException {

    private final transient List<ModelProblem> problems;

    InvalidModelsException(List<ModelProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the models; nothing was deployed:\n"
                + problems.stream().map(problem -> "- " + problem).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
