package org.pkcn.exchange.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.system.HistoryWithoutVariableDetails;

/**
 * The baseline: the same BPMN and DMN files in a standalone engine inside the driver's JVM, every delegate
 * and listener a no-op, the job executor off, no HTTP, no registry, no mail. One "instance" walks the same
 * path as the service's lifecycle: start, run the acknowledgement job, claim and approve STZA's review,
 * claim and approve ZBRA's, run the approval-mail job.
 */
final class BareEngine implements AutoCloseable {

    private final ProcessEngine engine;

    BareEngine(String jdbcUrl, String user, String password, String history) throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcDriver(jdbcUrl.startsWith("jdbc:postgresql") ? "org.postgresql.Driver" : "org.h2.Driver");
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        HistoryWithoutVariableDetails.offer(configuration);
        configuration.setHistory(history);
        // As the service evaluates decision tables (application.properties): the same engine, only without the service.
        configuration.setDmnFeelEnableLegacyBehavior(true);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("bare-" + System.nanoTime());
        // Every delegate and listener the models name becomes a no-op: read from the models, so one added later
        // cannot break the baseline.
        Map<Object, Object> beans = new HashMap<>();
        for (String name : delegateNames()) {
            beans.put(name, new NoOp());
        }
        // The one output a gateway reads: the review's outcome, which the real "Record decision" derives.
        beans.put("recordDecision", (JavaDelegate) execution -> execution.setVariable(
                ExchangeProposalProcess.REVIEW_OUTCOME, "APPROVED"));
        beans.put("reviewPeriods", new Periods());
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bare-baseline");
        for (String file : List.of("exchange-proposal.bpmn", "proposal-review.bpmn", "eligibility.dmn")) {
            try (InputStream in = Files.newInputStream(Path.of("processes", file))) {
                deployment.addInputStream(file, new java.io.ByteArrayInputStream(in.readAllBytes()));
            }
        }
        deployment.deploy();
    }

    private static final Pattern DELEGATE = Pattern.compile(
            "delegateExpression=\"\\$\\{(\\w+)}\"");

    private static Set<String> delegateNames() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String file : List.of("exchange-proposal.bpmn", "proposal-review.bpmn")) {
            var matcher = DELEGATE.matcher(Files.readString(Path.of("processes", file)));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Stands in for a delegate, a task listener or an execution listener, and does nothing. */
    static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }
    }

    /** Runs {@code count} lifecycles on {@code threads} threads; answers instances per second. */
    double run(int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        lifecycle();
                    }
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private final AtomicInteger keys = new AtomicInteger();

    void lifecycle() {
        Map<String, Object> variables = new HashMap<>(SampleProposals.jointAiResearch());
        variables.put(ExchangeProposalProcess.APPLICANT_USER, "applicant");
        String key = "BARE-" + keys.incrementAndGet();
        variables.put(ExchangeProposalProcess.REFERENCE, key);
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey(ExchangeProposalProcess.PROCESS_KEY, key, variables).getId();
        runDueJobs(instance);
        review(key, "stza-reviewer");
        review(key, "zbra-reviewer");
        runDueJobs(instance);
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException("bare instance " + key + " did not end");
        }
    }

    private void review(String key, String reviewer) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey("Task_ReviewProposal").singleResult();
        engine.getTaskService().claim(task.getId(), reviewer);
        engine.getTaskService().complete(task.getId(), Map.of(ExchangeProposalProcess.DECISION, "APPROVE",
                ExchangeProposalProcess.COMMENT, "Fits the call."));
    }

    private void runDueJobs(String instance) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list())
                .isEmpty()) {
            for (Job job : jobs) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** The review periods the models ask for, as the application's bean answers them. */
    public static final class Periods {
        public Date dueDate(Date start) {
            return new Date(start.getTime() + 10L * 24 * 3600 * 1000);
        }

        public String getDueAfter() {
            return "P10D";
        }

        public String getReminderAfter() {
            return "P7D";
        }

        public String getRevisionWindow() {
            return "P30D";
        }
    }
}
