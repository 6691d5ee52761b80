package org.pkcn.exchange.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets the engine's own parsers judge a file: the file is deployed alone in a transaction of its own that is
 * always rolled back, so nothing of it stays, and whatever the engine refuses (XML, BPMN semantics, timers,
 * history time-to-live, DMN tables) comes back with file, line and element id. One file at a time, because the
 * engine stops at the first file it refuses and the administrator is to hear about every file at once.
 */
@Component
class EngineParse {

    private static final Pattern QUOTED_ID = Pattern.compile("'([A-Za-z_][\\w.-]*)'");

    private final RepositoryService repositoryService;
    private final TransactionTemplate rolledBack;

    EngineParse(RepositoryService repositoryService, PlatformTransactionManager transactions) {
        this.repositoryService = repositoryService;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    List<ModelProblem> problemsIn(String name, byte[] content, String text) {
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            try {
                repositoryService.createDeployment().name("validation only (rolled back)")
                        .addInputStream(name, new ByteArrayInputStream(content)).deploy();
                return List.of();
            } catch (ParseException refused) {
                return problemsOf(name, refused, text);
            } catch (RuntimeException refused) {
                return List.of(problemOf(name, refused, text));
            }
        });
    }

    private static List<ModelProblem> problemsOf(String name, ParseException refused, String text) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : refused.getResorceReports()) {
            for (Problem error : report.getErrors()) {
                String element = error.getMainElementId();
                Integer line = error.getLine() > 0 ? Integer.valueOf(error.getLine()) : SourceLines.lineOfId(text, element);
                problems.add(new ModelProblem(name, line, element, error.getMessage()));
            }
        }
        return problems.isEmpty() ? List.of(problemOf(name, refused, text)) : problems;
    }

    /** A refusal without a parse report (a DMN table, a setting such as the history time-to-live): its causes. */
    private static ModelProblem problemOf(String name, Throwable refused, String text) {
        StringBuilder said = new StringBuilder();
        for (Throwable cause = refused; cause != null && said.length() < 2000; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
            if (!message.isEmpty() && said.indexOf(message) < 0) {
                said.append(said.length() == 0 ? "" : " ").append(message);
            }
        }
        String message = said.toString();
        String element = null;
        Integer line = null;
        Matcher quoted = QUOTED_ID.matcher(message);
        while (quoted.find() && line == null) {
            line = SourceLines.lineOfId(text, quoted.group(1));
            element = line == null ? null : quoted.group(1);
        }
        return new ModelProblem(name, line, element, message.isEmpty() ? refused.getClass().getSimpleName() : message);
    }
}
