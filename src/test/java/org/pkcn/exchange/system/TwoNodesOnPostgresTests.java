package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.process.SampleProposals.jointAiResearch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeApplication;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.ExchangeProposalProcess;
import org.pkcn.exchange.proposal.Caller;
import org.pkcn.exchange.proposal.process.ProposalProcess;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one PostgreSQL database behave as one service. Both run in this JVM as two
 * Spring contexts, each with its own engine, job executor and connection pool, on a fresh database, with
 * one SMTP server (GreenMail). Proposals are submitted on both nodes, STZA decides each on one node and
 * ZBRA on the other, and every asynchronous step (the mails) is run by whichever job executor takes it.
 *
 * <p>Then node B stops while it is working, and a node that "died" is simulated by jobs left locked by an
 * owner that never comes back, as a killed node leaves them: node A finishes everything, the dead node's
 * jobs only once their lock time has run out.
 */
@Tag(ExchangeTest.POSTGRES_ONLY)
class TwoNodesOnPostgresTests {

    private static final int PROPOSALS = 500;
    private static final int DURING_SHUTDOWN = 60;
    private static final int ORPHANED = 10;
    /** Short, so the dead node's jobs come back within the test; production keeps the engine's 5 minutes. */
    private static final Duration LOCK_TIME = Duration.ofSeconds(10);
    /** Mails of one approved proposal: acknowledgement to the applicant; approval to applicant, counterpart, two reviewers. */
    private static final int MAILS_PER_PROPOSAL = 5;
    private static final String ADMIN_PASSWORD = "two-nodes-" + UUID.randomUUID();
    private static final Caller APPLICANT = new Caller("applicant", List.of("applicants"), false);

    private static PostgresServer server;
    private static String database;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        server = PostgresServer.ofTestRun();
        Assumptions.assumeTrue(server != null, "needs the PostgreSQL test run (-Dtest.datasource.url=jdbc:postgresql:...)");
        database = PostgresServer.databaseOf(PostgresServer.testRunUrl()) + "_nodes";
        server.recreate(database);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // One after the other, as docker/compose.yaml starts them: the first start of an empty database
        // (schemas, first administrator, models) is then done once. (It is also guarded: Flyway's lock, the
        // model set's lock and system.ClusterLock.)
        long started = System.nanoTime();
        nodeA = start("nodeA");
        nodeB = start("nodeB");
        System.out.printf("Two nodes started in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (server != null) {
            server.drop(database);
        }
    }

    @Test
    void twoNodes_runEveryProposalAndMailOnce_andOneNodeStopping_losesNoWork() throws Exception {
        assertThat(node(nodeA, FilterService.class).createFilterQuery().filterName("STZA inbox").count())
                .as("shared Tasklist filters, made once for both nodes").isEqualTo(1);
        assertThat(node(nodeA, FilterService.class).createFilterQuery().filterName("My tasks").list())
                .as("one My tasks per account").extracting(filter -> filter.getOwner()).doesNotHaveDuplicates();

        // 500 proposals, submitted on both nodes; STZA decides each on one node and ZBRA on the other.
        long started = System.nanoTime();
        List<String> first = submit(PROPOSALS, List.of(nodeA, nodeB));
        reviewUntilDecided(first, List.of(nodeA, nodeB));
        awaitAllDone(first, Duration.ofSeconds(180));
        assertEachMailSentOnce(first);
        assertHistoriesComplete(first);
        assertNothingFailed();
        System.out.printf("%d proposals through both nodes in %d s%n", PROPOSALS,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        started = System.nanoTime();

        // A node dies: its jobs stay locked by it. Made so by locking them for an owner that never returns.
        Instant lockedUntil = Instant.now().plus(LOCK_TIME);
        List<String> orphaned = submitWithJobsLockedByADeadNode(ORPHANED, lockedUntil);
        // Node B stops (a context close, as on SIGTERM) while jobs of a new batch are on their way.
        List<String> during = submit(DURING_SHUTDOWN, List.of(nodeA, nodeB));
        String ownerB = node(nodeB, JobExecutor.class).getLockOwner();
        nodeB.close();
        assertThat(jdbc().queryForObject("select count(*) from act_ru_job where lock_owner_ = ?", Integer.class, ownerB))
                .as("jobs left locked by node B after it stopped").isZero();

        List<String> second = new ArrayList<>(during);
        second.addAll(orphaned);
        reviewUntilDecided(second, List.of(nodeA));
        awaitAllDone(second, Duration.ofSeconds(120));
        assertThat(acknowledgedAt(orphaned)).as("the dead node's jobs ran, only after their lock expired")
                .hasSize(ORPHANED).allSatisfy(ranAt -> assertThat(ranAt).isAfterOrEqualTo(lockedUntil));
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEachMailSentOnce(all);
        assertHistoriesComplete(all);
        assertNothingFailed();
        System.out.printf("Node B stopped, a dead node's jobs recovered, %d proposals finished by node A in %d s%n",
                second.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static ConfigurableApplicationContext start(String engineName) {
        return new SpringApplicationBuilder(ExchangeApplication.class).profiles("postgres").run(
                "--server.port=0",
                "--spring.datasource.url=" + server.urlOf(database),
                "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--exchange.admin.password=" + ADMIN_PASSWORD,
                // The demo accounts are the reviewers and the applicant of this test.
                "--exchange.demo.enabled=true",
                // Two engines in one JVM need two names (the engine keeps a JVM-wide registry by name), and neither
                // may be "default": closing it would unregister the engine the other test contexts' webapps use.
                // On two machines both are "default".
                "--camunda.bpm.process-engine-name=" + engineName,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
                "--exchange.jobs.shutdown-grace=PT10S",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
                "--logging.level.org.camunda.bpm.engine.context=ERROR",
                "--logging.level.org.pkcn.exchange.events=WARN",
                "--logging.level.org.pkcn.exchange.notification=WARN");
    }

    /** Submits on the nodes in turn, two at a time; returns the references in order. */
    private static List<String> submit(int count, List<ConfigurableApplicationContext> nodes) throws Exception {
        ExecutorService applicants = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> submitted = IntStream.range(0, count).mapToObj(i -> applicants.submit(() ->
                    node(nodes.get(i % nodes.size()), ProposalProcess.class).submit(APPLICANT, jointAiResearch(),
                            List.of()).reference())).toList();
            List<String> references = new ArrayList<>();
            for (Future<String> reference : submitted) {
                references.add(reference.get());
            }
            return references;
        } finally {
            applicants.shutdown();
        }
    }

    /** Submitted on node A; each acknowledgement step is locked, in the same transaction, by a node now gone. */
    private static List<String> submitWithJobsLockedByADeadNode(int count, Instant lockedUntil) {
        TransactionTemplate transaction = new TransactionTemplate(node(nodeA, PlatformTransactionManager.class));
        List<String> references = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            references.add(transaction.execute(status -> {
                String reference = node(nodeA, ProposalProcess.class).submit(APPLICANT, jointAiResearch(), List.of())
                        .reference();
                int locked = jdbc().update("update act_ru_job set lock_owner_ = 'dead-node', lock_exp_time_ = ?, "
                        + "rev_ = rev_ + 1 where process_instance_id_ = (select id_ from act_ru_execution where "
                        + "business_key_ = ? and parent_id_ is null and super_exec_ is null)",
                        Timestamp.from(lockedUntil), reference);
                assertThat(locked).as("acknowledgement job of %s", reference).isEqualTo(1);
                return reference;
            }));
        }
        return references;
    }

    /** Reviewers work the queues until every proposal is decided: STZA on the proposal's node, ZBRA on the next. */
    private static void reviewUntilDecided(List<String> references, List<ConfigurableApplicationContext> nodes)
            throws Exception {
        Map<String, Integer> index = IntStream.range(0, references.size()).boxed()
                .collect(Collectors.toMap(references::get, i -> i));
        Set<String> decidedByZbra = ConcurrentHashMap.newKeySet();
        ExecutorService reviewers = Executors.newFixedThreadPool(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        try {
            while (decidedByZbra.size() < references.size()) {
                assertThat(System.nanoTime()).as("all reviews done in time (%s of %s)", decidedByZbra.size(),
                        references.size()).isLessThan(deadline);
                List<Future<?>> decisions = new ArrayList<>();
                for (String party : List.of("stza", "zbra")) {
                    List<Task> tasks = node(nodeA, TaskService.class).createTaskQuery()
                            .taskDefinitionKey("Task_ReviewProposal").taskCandidateGroup(party + "-reviewers")
                            .taskUnassigned().listPage(0, 200);
                    Map<String, String> byInstance = referencesOf(tasks);
                    boolean zbra = party.equals("zbra");
                    for (Task task : tasks) {
                        String reference = byInstance.get(task.getProcessInstanceId());
                        Integer i = index.get(reference);
                        if (i == null) {
                            continue;
                        }
                        ConfigurableApplicationContext node = nodes.get((i + (zbra ? 1 : 0)) % nodes.size());
                        decisions.add(reviewers.submit(() -> decide(node, task.getId(), party + "-reviewer")));
                        if (zbra) {
                            decidedByZbra.add(reference);
                        }
                    }
                }
                for (Future<?> decision : decisions) {
                    decision.get();
                }
                if (decisions.isEmpty()) {
                    Thread.sleep(250);
                }
            }
        } finally {
            reviewers.shutdown();
        }
    }

    /** When each proposal's acknowledgement step ran, from the engine's job log. */
    private static List<Instant> acknowledgedAt(List<String> references) {
        HistoryService history = node(nodeA, HistoryService.class);
        return references.stream().flatMap(reference -> history.createHistoricJobLogQuery().successLog()
                .activityIdIn("Task_AcknowledgeProposal").processInstanceId(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ExchangeProposalProcess.PROCESS_KEY).processInstanceBusinessKey(reference)
                        .singleResult().getId()).list().stream())
                .map(log -> log.getTimestamp().toInstant()).toList();
    }

    private static void decide(ConfigurableApplicationContext node, String taskId, String reviewer) {
        TaskService tasks = node(node, TaskService.class);
        tasks.claim(taskId, reviewer);
        tasks.complete(taskId, Map.of(ExchangeProposalProcess.DECISION, "APPROVE", ExchangeProposalProcess.COMMENT, ""));
    }

    /** The proposal reference (business key) of each task's process instance, in one query. */
    private static Map<String, String> referencesOf(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        return node(nodeA, RuntimeService.class).createProcessInstanceQuery()
                .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
                .stream().collect(Collectors.toMap(instance -> instance.getId(), instance -> instance.getBusinessKey()));
    }

    /** Every proposal approved, every step run (no job left), every mail sent (as the ledger says: cheap to ask). */
    private static void awaitAllDone(List<String> references, Duration timeout) throws InterruptedException {
        String in = references.stream().map(reference -> "'" + reference + "'").collect(Collectors.joining(","));
        awaitTrue("all approved, no job left, every mail received", timeout, () ->
                jdbc().queryForObject("select count(*) from proposal where status = 'APPROVED' and reference in (" + in
                        + ")", Integer.class) == references.size()
                && jdbc().queryForObject("select count(*) from act_ru_job", Integer.class) == 0
                && jdbc().queryForObject("select count(*) from sent_mail where reference in (" + in + ")",
                        Integer.class) == references.size() * MAILS_PER_PROPOSAL);
    }

    private static void assertEachMailSentOnce(List<String> references) {
        Map<String, Long> perReferenceAndKind = mailsAbout(references).stream()
                .collect(Collectors.groupingBy(mail -> mail, Collectors.counting()));
        assertThat(perReferenceAndKind).as("mails per reference, kind and recipient").hasSize(references.size()
                * MAILS_PER_PROPOSAL).allSatisfy((mail, times) -> assertThat(times).as(mail).isEqualTo(1L));
        for (String reference : references) {
            assertThat(perReferenceAndKind.keySet()).filteredOn(mail -> mail.startsWith(reference + " "))
                    .as("mails of %s", reference).hasSize(MAILS_PER_PROPOSAL);
        }
        assertThat(jdbc().queryForObject("select count(*) from sent_mail", Integer.class)).as("the ledger of sent mail")
                .isEqualTo(mailsAbout(List.of()).size());
    }

    private static void assertHistoriesComplete(List<String> references) {
        Map<String, String> histories = new ConcurrentHashMap<>();
        jdbc().query("select p.reference, string_agg(c.status, ',' order by c.changed_at, c.id) as statuses"
                + " from proposal p join status_change c on c.proposal_id = p.id group by p.reference", row -> {
                    histories.put(row.getString(1), row.getString(2));
                });
        assertThat(references).allSatisfy(reference -> assertThat(histories.get(reference)).as(reference)
                .isEqualTo("SUBMITTED,STZA_APPROVED,APPROVED"));
        HistoryService history = node(nodeA, HistoryService.class);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ExchangeProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKeyIn(references.toArray(String[]::new)).finished().count())
                .as("finished main processes in the engine's history").isEqualTo(references.size());
    }

    private static void assertNothingFailed() {
        ManagementService management = node(nodeA, ManagementService.class);
        assertThat(management.createJobQuery().withException().count()).as("failed jobs").isZero();
        assertThat(node(nodeA, RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
        assertThat(node(nodeA, HistoryService.class).createHistoricJobLogQuery().failureLog().list())
                .as("job failures ever logged").extracting(log -> log.getJobExceptionMessage()).isEmpty();
    }

    /** Every mail received, as "reference | recipient | subject". */
    private static List<String> mailsAbout(List<String> references) {
        List<String> mails = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String subject = message.getSubject();
                String reference = subject.substring(subject.indexOf('[') + 1, subject.indexOf(']'));
                if (references.isEmpty() || references.contains(reference)) {
                    mails.add(reference + " | " + Arrays.stream(message.getAllRecipients()).map(Address::toString)
                            .collect(Collectors.joining(",")) + " | " + subject);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static JdbcTemplate jdbc() {
        return node(nodeA, JdbcTemplate.class);
    }

    private static <T> T node(ConfigurableApplicationContext node, Class<T> type) {
        return node.getBean(type);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
