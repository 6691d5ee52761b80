package org.pkcn.exchange.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.pkcn.exchange.WebappSession;
import org.pkcn.exchange.process.SampleProposals;
import org.pkcn.exchange.system.HistoryWithoutVariableDetails;

/**
 * The deadline rush on one node: the packaged service started as its own process on a fresh database,
 * driven over HTTP as applicants and reviewers drive it, next to the bare engine running the same models
 * in this JVM. See README, "Performance". Settings are system properties {@code bench.*}; {@code bench.mode}
 * short (CI: proves it runs) or full (the figures).
 */
public final class DeadlineRush {

    static {
        // Before any HttpClient exists (the JDK reads it once): Tomcat closes a connection idle for 60 s, and a
        // client keeping it longer (the JDK's default: 20 minutes) may send a POST on it as it closes and get no
        // answer, which the JDK retries for GET only. That happened after the inbox was filled.
        System.setProperty("jdk.httpclient.keepalive.timeout", "30");
    }

    // ---- settings ----
    static final boolean FULL = "full".equals(System.getProperty("bench.mode", "short"));
    static final List<String> DATABASES = List.of(prop("bench.db", FULL ? "h2,postgres" : "h2").split(","));
    static final int RUNS = Integer.parseInt(prop("bench.runs", FULL ? "3" : "1"));
    static final int[] CONCURRENCY = Arrays.stream(prop("bench.burst.concurrency", "1,2,8,32").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final int WARM_UP_SECONDS = Integer.parseInt(prop("bench.warmup.seconds", FULL ? "20" : "4"));
    static final int BURST_SECONDS = Integer.parseInt(prop("bench.burst.seconds", FULL ? "20" : "2"));
    static final int LIFECYCLE_SECONDS = Integer.parseInt(prop("bench.lifecycle.seconds", FULL ? "30" : "4"));
    static final int LIFECYCLE_THREADS = Integer.parseInt(prop("bench.lifecycle.threads", "4"));
    /**
     * Lifecycles the service and the bare engine each run before theirs are measured: the same number, as the JIT
     * compiles a method once it has been called so many times, whatever the time it took.
     */
    static final int LIFECYCLE_WARM_UP = Integer.parseInt(prop("bench.lifecycle.warmup", FULL ? "500" : "8"));
    /** The service's warm-up lifecycles at once: enough to keep both cores busy (4 at once leave them half idle). */
    static final int LIFECYCLE_WARM_UP_THREADS = 16;
    static final int BARE_INSTANCES = Integer.parseInt(prop("bench.bare.instances", FULL ? "1000" : "100"));
    static final int BARE_THREADS = Integer.parseInt(prop("bench.bare.threads", "2"));
    static final int INBOX = Integer.parseInt(prop("bench.inbox", FULL ? "100000" : "0"));
    /** Up to how many waiting proposals the API fills the inbox; copies of their rows fill the rest (InboxCopies). */
    static final int INBOX_THROUGH_API = Integer.parseInt(prop("bench.inbox.api", "1000"));
    static final int INBOX_QUERIES = Integer.parseInt(prop("bench.inbox.queries", FULL ? "300" : "40"));
    /** A slow query is sampled for this long at most, and warmed a quarter of it (the table says how many samples). */
    static final int INBOX_QUERY_SECONDS = Integer.parseInt(prop("bench.inbox.query.seconds", "60"));
    /** How long a lifecycle waits for a task, the status or a mail (the job executor may have a backlog). */
    static final int WAIT_SECONDS = Integer.parseInt(prop("bench.wait.seconds", "600"));
    static final int POLL_MILLIS = Integer.parseInt(prop("bench.poll.millis", "100"));
    static final String HEAP = prop("bench.heap", "512m");
    static final String HISTORY = prop("bench.history", HistoryWithoutVariableDetails.NAME);
    static final String PG = prop("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    /** Keep each run's H2 files (in its temporary folder, printed) to look into them afterwards. */
    static final boolean KEEP_DATABASES = Boolean.parseBoolean(prop("bench.keep.databases", "false"));
    /** Also time a start from a class-data archive, as docker/Dockerfile runs the service (a training run first). */
    static final boolean IMAGE_START = Boolean.parseBoolean(prop("bench.image.start", "true"));
    static final List<String> EXTRA_ARGS = prop("bench.service.args", "").isBlank() ? List.of()
            : List.of(prop("bench.service.args", "").trim().split("\\s+"));

    private static String prop(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("\\[(PKCN-\\d{4}-\\d+)\\]");

    /** One row of the results: a figure per run, how it is judged. */
    record Figure(String database, String name, String unit, String target, List<Double> runs) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    /** The service as the Docker image starts it, or null when bench.image.start=false. */
    private ClassDataArchive image;
    private final String loadBefore = loadAverage();

    public static void main(String[] args) throws Exception {
        new DeadlineRush().runAll();
    }

    void runAll() throws Exception {
        Path jar = findJar();
        long started = System.nanoTime();
        image = IMAGE_START ? ClassDataArchive.trainedFor(jar, HEAP, Path.of("target", "benchmark", "class-data")) : null;
        for (String database : DATABASES) {
            for (int run = 1; run <= RUNS; run++) {
                System.out.printf(Locale.ROOT, "%n=== %s, run %d of %d ===%n", database, run, RUNS);
                runOnce(jar, database.trim());
            }
        }
        write((System.nanoTime() - started) / 1e9);
    }

    private void runOnce(Path jar, String database) throws Exception {
        Path work = Files.createTempDirectory("deadline-rush-");
        System.out.println("working in " + work);
        int smtpPort = ServiceProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        MailCounter mails = new MailCounter(smtp);
        List<String> mail = List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort);
        if (image != null) {
            // The start an operator sees from the Docker image, on a fresh database of its own.
            String imageDatabase = freshDatabase(database, "exchange_bench_image", work.resolve("image-start"));
            try (ServiceProcess started = image.start(work, serviceArguments(database, imageDatabase, mail), HEAP)) {
                record(database, "ready after start from the class-data archive (as the Docker image)", "s", "< 20",
                        started.secondsToReady);
            }
        }
        String serviceDatabase = freshDatabase(database, "exchange_bench_service", work.resolve("exchange"));
        List<String> arguments = serviceArguments(database, serviceDatabase, mail);
        ServiceProcess service = null;
        try {
            service = new ServiceProcess(jar, work, arguments, HEAP);
            record(database, "ready after start", "s", "< 20", service.secondsToReady);
            Http http = new Http(service.base());
            String proposal = JSON.writeValueAsString(SampleProposals.jointAiResearch());

            int mailsPerLifecycle = warmUp(database, serviceDatabase, http, proposal, mails);
            bursts(database, serviceDatabase, service, http, proposal);
            LifecycleRun lifecycles = measureLifecycles(database, "lifecycle", service, http, proposal, mails,
                    mailsPerLifecycle);

            // Seeding the inbox sends one acknowledgement per proposal: nobody counts those.
            mails.stop();
            boolean outOfMemory = false;
            int waiting = submitUntilWaiting(http, proposal, Math.min(INBOX, INBOX_THROUGH_API));
            if (INBOX > 0) {
                // The copies go in while the service is stopped, and it starts again on the full database: what an
                // operator waits for after a deployment or a crash on the busiest day.
                outOfMemory = service.outOfMemory();
                service.close();
                if (INBOX > waiting && waiting > 0) {
                    fillInbox(database, serviceDatabase, waiting);
                }
                service = new ServiceProcess(jar, work, arguments, HEAP);
                record(database, "ready after a restart, the inbox full", "s", "< 20", service.secondsToReady);
                http = new Http(service.base());
            }
            inboxQueries(database, http, proposal);
            if (INBOX > 0) {
                lifecyclesWithTheInboxFull(database, service, http, proposal, smtp, mailsPerLifecycle);
            }
            outOfMemory |= service.outOfMemory();
            record(database, "out-of-memory errors in the service log", "count", "0", outOfMemory ? 1 : 0);
            if (INBOX > 0 && image != null) {
                service.close();
                try (ServiceProcess restarted = image.start(work, arguments, HEAP)) {
                    record(database, "ready after a restart from the class-data archive, the inbox full", "s",
                            "< 20", restarted.secondsToReady);
                }
            }
            compareWithTheBareEngine(database, work, lifecycles);
        } finally {
            if (service != null) {
                service.close();
            }
            mails.stop();
            smtp.stop();
            if (!KEEP_DATABASES) {
                removeH2Files(work);
            }
        }
    }

    /**
     * Submissions, then as many whole lifecycles as the bare engine runs before it is measured (with one lifecycle
     * before them, the JIT compiled the reviewers' paths while they were measured: half the service's CPU in that
     * phase), then their queued acknowledgements, so that the bursts' CPU is theirs and their own queue's alone.
     * Returns how many mails one lifecycle sends.
     */
    private int warmUp(String database, String serviceDatabase, Http http, String proposal, MailCounter mails)
            throws Exception {
        burst(http, proposal, 2, WARM_UP_SECONDS);
        int mailsPerLifecycle = learnMailsPerLifecycle(http, proposal, mails);
        warmUpLifecycles(http, proposal, mails, mailsPerLifecycle);
        awaitQueuedSteps(http);
        autovacuumCatchesUp(database, serviceDatabase);
        return mailsPerLifecycle;
    }

    /** The run's H2 databases (gigabytes with the inbox full; PostgreSQL's is dropped by the next run), not its log. */
    private static void removeH2Files(Path work) throws Exception {
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().matches(".*\\.(mv|trace)\\.db")) {
                    Files.delete(file);
                }
            }
        }
    }

    // ---- 1. submission burst ----

    /**
     * Each concurrency in turn, then the queue of acknowledgements the bursts left: drained before the lifecycles,
     * so that they measure a lifecycle, not the queue ahead of it (how fast it drains is the mail capacity).
     */
    private void bursts(String database, String serviceDatabase, ServiceProcess service, Http http, String proposal)
            throws Exception {
        double cpuBeforeBursts = service.cpuSeconds();
        long submittedInBursts = 0;
        for (int concurrency : CONCURRENCY) {
            Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
            AtomicLong failed = new AtomicLong();
            double cpuBefore = service.cpuSeconds();
            AtomicLong submitted = new AtomicLong();
            double rate = burst(http, proposal, concurrency, BURST_SECONDS, latency, failed, submitted);
            double cpuPerSubmission = (service.cpuSeconds() - cpuBefore) * 1000 / Math.max(1, submitted.get());
            String what = "burst " + concurrency + " applicants: ";
            record(database, what + "submissions/s", "1/s", database.equals("postgres") ? ">= 60" : ">= 100", rate);
            record(database, what + "p50", "ms", "", latency.getValueAtPercentile(50) / 1000.0);
            record(database, what + "p95", "ms", "", latency.getValueAtPercentile(95) / 1000.0);
            record(database, what + "p99", "ms", "< 500", latency.getValueAtPercentile(99) / 1000.0);
            record(database, what + "errors", "count", "0", failed.get());
            record(database, what + "service CPU per submission (incl. queued mail work)", "ms", "", cpuPerSubmission);
            submittedInBursts += submitted.get();
        }
        record(database, "heap used after the burst (-Xmx" + HEAP + ")", "MB", "", service.heapUsedMb());
        record(database, "RSS after the burst", "MB", "", service.rssMb());

        drainJobs(database, http);
        // The whole cost of a submission, whichever share of its acknowledgement ran during the burst.
        record(database, "service CPU per submission with its acknowledgement (bursts, then their queue)", "ms",
                "", (service.cpuSeconds() - cpuBeforeBursts) * 1000 / Math.max(1, submittedInBursts));
        autovacuumCatchesUp(database, serviceDatabase);
    }

    private double burst(Http http, String proposal, int concurrency, int seconds) throws Exception {
        return burst(http, proposal, concurrency, seconds, new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3),
                new AtomicLong(), new AtomicLong());
    }

    private double burst(Http http, String proposal, int concurrency, int seconds, Histogram latency, AtomicLong failed,
            AtomicLong ok) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        parallel(concurrency, () -> {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                    int status = http.post("/api/proposals", "applicant", proposal).statusCode();
                    latency.recordValue((System.nanoTime() - t0) / 1000);
                    if (status == 201) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    latency.recordValue((System.nanoTime() - t0) / 1000);
                    failed.incrementAndGet();
                }
            }
        });
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void drainJobs(String database, Http http) throws Exception {
        int queued = executableJobs(http);
        long start = System.nanoTime();
        awaitQueuedSteps(http);
        double seconds = (System.nanoTime() - start) / 1e9;
        record(database, "steps queued after the burst (acknowledgement mails)", "count", "", queued);
        record(database, "queued steps run per second (mail capacity)", "1/s", "", queued / Math.max(seconds, 0.001));
    }

    private void awaitQueuedSteps(Http http) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (executableJobs(http) > 0) {
            pause(deadline, "the queued steps to run");
            Thread.sleep(200);
        }
    }

    private static int executableJobs(Http http) throws Exception {
        return JSON.readTree(expect(http.get("/engine-rest/job/count?executable=true", "admin"), 200).body())
                .path("count").asInt();
    }

    // ---- 2. full lifecycle ----

    private int learnMailsPerLifecycle(Http http, String proposal, MailCounter mails) throws Exception {
        String reference = lifecycle(http, proposal, mails, 0, new LifecycleSteps());
        Thread.sleep(3000);
        int count = mails.count(reference);
        System.out.println("one approved lifecycle sends " + count + " mails");
        return count;
    }

    private void warmUpLifecycles(Http http, String proposal, MailCounter mails, int mailsPerLifecycle)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        LifecycleSteps notTimed = new LifecycleSteps();
        parallel(LIFECYCLE_WARM_UP_THREADS, () -> {
            while (next.getAndIncrement() < LIFECYCLE_WARM_UP) {
                lifecycle(http, proposal, mails, mailsPerLifecycle, notTimed);
            }
        });
    }

    private record LifecycleRun(double rate, ProcessCpu.PerOperation cpu) {
    }

    /**
     * The deadline night itself: reviewers and applicants at work with the queue and its timers full, on a service
     * warmed again after its restart as the first one was.
     */
    private void lifecyclesWithTheInboxFull(String database, ServiceProcess service, Http http, String proposal,
            GreenMail smtp, int mailsPerLifecycle) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        MailCounter mails = new MailCounter(smtp);
        try {
            warmUpLifecycles(http, proposal, mails, mailsPerLifecycle);
            awaitQueuedSteps(http);
            measureLifecycles(database, "lifecycle with the inbox full", service, http, proposal, mails,
                    mailsPerLifecycle);
        } finally {
            mails.stop();
        }
    }

    /** Whole lifecycles, LIFECYCLE_THREADS at once for LIFECYCLE_SECONDS: recorded under {@code name}. */
    private LifecycleRun measureLifecycles(String database, String name, ServiceProcess service, Http http,
            String proposal, MailCounter mails, int mailsPerLifecycle) throws Exception {
        Histogram lifecycleTime = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        ProcessCpu.Reading cpuBefore = service.cpuReading();
        long requestsBefore = http.requests.get();
        AtomicLong done = new AtomicLong();
        LifecycleSteps steps = new LifecycleSteps();
        double rate = lifecycles(http, proposal, mails, mailsPerLifecycle, lifecycleTime, done, steps);
        ProcessCpu.PerOperation cpu = ProcessCpu.PerOperation.between(cpuBefore, service.cpuReading(), done.get());
        record(database, name + ": service CPU per lifecycle", "ms", "", cpu.millis());
        record(database, name + ": of it, the JIT compilers", "ms", "", cpu.compilerMillis());
        record(database, name + ": HTTP requests per lifecycle (polls included)", "count", "",
                (http.requests.get() - requestsBefore) / (double) Math.max(1, done.get()));
        record(database, name + " (" + LIFECYCLE_THREADS + " at once): lifecycles/s", "1/s", "", rate);
        record(database, name + ": time of one, p50", "ms", "", lifecycleTime.getValueAtPercentile(50) / 1000.0);
        record(database, name + ": time of one, p95", "ms", "", lifecycleTime.getValueAtPercentile(95) / 1000.0);
        steps.times.forEach((step, time) -> record(database, name + " step, p95: " + step, "ms", "",
                time.getValueAtPercentile(95) / 1000.0));
        return new LifecycleRun(rate, cpu);
    }

    private double lifecycles(Http http, String proposal, MailCounter mails, int mailsPerLifecycle, Histogram time,
            AtomicLong done, LifecycleSteps steps) throws Exception {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(LIFECYCLE_SECONDS);
        parallel(LIFECYCLE_THREADS, () -> {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                lifecycle(http, proposal, mails, mailsPerLifecycle, steps);
                time.recordValue((System.nanoTime() - t0) / 1000);
                done.incrementAndGet();
            }
        });
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Submit; STZA claims and approves; ZBRA claims and approves; the registry says APPROVED; the mails arrived. */
    private String lifecycle(Http http, String proposal, MailCounter mails, int mailsExpected, LifecycleSteps steps)
            throws Exception {
        LifecycleSteps.Lap lap = steps.start();
        HttpResponse<String> submitted = http.post("/api/proposals", "applicant", proposal);
        expect(submitted, 201);
        String reference = JSON.readTree(submitted.body()).path("reference").asText();
        lap.done("submitted (POST /api/proposals)");
        review(http, reference, "stza-reviewer", "stza-reviewers", lap, "STZA");
        review(http, reference, "zbra-reviewer", "zbra-reviewers", lap, "ZBRA");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!"APPROVED".equals(JSON.readTree(http.get("/api/proposals/" + reference, "applicant").body())
                .path("status").asText())) {
            pause(deadline, reference + " APPROVED");
        }
        lap.done("the applicant sees APPROVED");
        while (mails.count(reference) < mailsExpected) {
            pause(deadline, reference + "'s mails");
        }
        lap.done("the mails have arrived");
        return reference;
    }

    private void review(Http http, String reference, String reviewer, String group, LifecycleSteps.Lap lap,
            String party) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String task;
        while ((task = reviewTask(http, reference, reviewer, group)) == null) {
            pause(deadline, group + "'s task for " + reference);
        }
        lap.done(party + "'s reviewer finds the task");
        expect(http.post("/engine-rest/task/" + task + "/claim", reviewer, "{\"userId\":\"" + reviewer + "\"}"), 204);
        expect(http.post("/engine-rest/task/" + task + "/complete", reviewer,
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"comment\":{\"value\":\"Fits the call.\"}}}"), 204);
        lap.done(party + "'s reviewer claims and approves");
    }

    /**
     * The proposal's open review task in the group's queue, or null: its review's process instance by business key,
     * then that instance's task, two index lookups whatever the queue's length. Not the engine's task query by
     * business key: on H2 it reads through every waiting task (H2 keeps the query's join order, which starts from
     * the tasks), 0.3-0.5 s at 20,000 waiting (README "Performance").
     */
    private static String reviewTask(Http http, String reference, String reviewer, String group) throws Exception {
        JsonNode reviews = JSON.readTree(expect(http.get("/engine-rest/process-instance?businessKey=" + reference
                + "&processDefinitionKey=proposal-review&active=true&maxResults=2", reviewer), 200).body());
        for (JsonNode review : reviews) {
            JsonNode tasks = JSON.readTree(expect(http.get("/engine-rest/task?processInstanceId="
                    + review.path("id").asText() + "&taskDefinitionKey=Task_ReviewProposal&candidateGroup=" + group
                    + "&maxResults=1", reviewer), 200).body());
            if (tasks.size() > 0) {
                return tasks.get(0).path("id").asText();
            }
        }
        return null;
    }

    /** Where a lifecycle's time goes: each step's own time, from the end of the step before it. */
    private static final class LifecycleSteps {
        final Map<String, Histogram> times = Collections.synchronizedMap(new LinkedHashMap<>());

        Lap start() {
            return new Lap();
        }

        final class Lap {
            private long last = System.nanoTime();

            void done(String step) {
                long now = System.nanoTime();
                times.computeIfAbsent(step, k -> new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3))
                        .recordValue((now - last) / 1000);
                last = now;
            }
        }
    }

    // ---- 4. reviewer's inbox ----

    /**
     * Copies the {@code waiting} proposals until {@code bench.inbox} wait (InboxCopies), while the service is
     * stopped: on H2 the database is then this JVM's (copied into the service's while it ran, whole proposals ran
     * its 512 MB heap out).
     */
    private void fillInbox(String database, String serviceDatabase, int waiting) throws Exception {
        int copies = (int) Math.ceil((INBOX - waiting) / (double) waiting);
        boolean postgres = database.equals("postgres");
        double took = InboxCopies.multiply(serviceDatabase, postgres ? "postgres" : "sa", "", copies);
        if (postgres) {
            autovacuumCatchesUp(database, serviceDatabase);
        } else {
            // The copies' large transactions leave H2's file 14 times the size of its rows (2.8 GB at 20,000
            // waiting, 196 MB compacted): the service would start on and read through the copying's leftovers.
            try (Connection connection = DriverManager.getConnection(serviceDatabase, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("shutdown compact");
            }
        }
        System.out.printf(Locale.ROOT, "inbox filled by %d copies of each of the %d waiting proposals in %.0f s%n",
                copies, waiting, took);
    }

    private void inboxQueries(String database, Http http, String proposal) throws Exception {
        record(database, "inbox: STZA tasks waiting", "count", FULL ? ">= 100000" : "", stzaTasks(http));
        String filter = JSON.readTree(expect(http.get("/engine-rest/filter?name=STZA%20inbox&maxResults=1", "stza-reviewer"), 200)
                .body()).get(0).path("id").asText();
        String sorting = "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
        measureQuery(database, "inbox: Tasklist filter 'STZA inbox' (list, 15, hal+json)", () -> expect(http.postHal(
                "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", "stza-reviewer", sorting), 200));
        WebappSession tasklist = new WebappSession(http.base(), "tasklist");
        if (tasklist.signIn("stza-reviewer", "demo") != 200) {
            throw new IllegalStateException("stza-reviewer could not sign in to the Tasklist");
        }
        String asTheTasklist = "inbox: Tasklist filter 'STZA inbox' as the Tasklist asks"
                + " (signed in, list 15 + count)";
        Work tasklistPage = () -> expect(tasklist.post("/camunda/api/engine/engine/default/filter/" + filter
                + "/list?firstResult=0&maxResults=15", "application/hal+json", sorting), 200);
        measureQuery(database, asTheTasklist, tasklistPage);
        // The same page on the deadline night, while applicants submit. With nothing written between two asks, H2
        // answers a query it ran before on that connection from its last result (until a table changes), so on H2
        // the figures of an idle service are not what a reviewer sees while the queue grows.
        whileSubmitting(http, proposal, () -> measureQuery(database, asTheTasklist + ", while an applicant submits",
                tasklistPage));
        measureQuery(database, "inbox: Tasklist filter 'STZA inbox' (count)", () -> expect(http.post(
                "/engine-rest/filter/" + filter + "/count", "stza-reviewer", "{}"), 200));
        measureQuery(database, "inbox: GET /engine-rest/task?candidateGroup=stza-reviewers (15)", () -> expect(http.get(
                "/engine-rest/task?candidateGroup=stza-reviewers&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15",
                "stza-reviewer"), 200));
        measureQuery(database, "inbox: GET /api/proposals?scope=all (reviewer, 20)", () -> expect(http.get(
                "/api/proposals?scope=all&size=20", "stza-reviewer"), 200));
    }

    /** Runs {@code work} while one applicant submits proposals, one after another; a failed submission fails it. */
    private static void whileSubmitting(Http http, String proposal, Work work) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService applicant = Executors.newSingleThreadExecutor();
        Future<?> submitting = applicant.submit(() -> {
            while (!done.get()) {
                submit(http, proposal);
            }
            return null;
        });
        try {
            work.run();
        } finally {
            done.set(true);
            applicant.shutdown();
        }
        submitting.get();
    }

    /** One proposal from the demo applicant; anything but 201 fails the run. */
    private static void submit(Http http, String proposal) throws Exception {
        expect(http.post("/api/proposals", "applicant", proposal), 201);
    }

    /** Submits through the API until {@code target} proposals wait for STZA; returns how many wait. */
    private int submitUntilWaiting(Http http, String proposal, int target) throws Exception {
        int waiting = stzaTasks(http);
        if (target > waiting) {
            long start = System.nanoTime();
            AtomicInteger toSubmit = new AtomicInteger(target - waiting);
            parallel(8, () -> {
                while (toSubmit.getAndDecrement() > 0) {
                    submit(http, proposal);
                }
            });
            // The STZA task appears once the acknowledgement job has run.
            int last = -1;
            long stuckSince = System.nanoTime();
            while ((waiting = stzaTasks(http)) < target) {
                if (waiting != last) {
                    last = waiting;
                    stuckSince = System.nanoTime();
                } else if (System.nanoTime() - stuckSince > TimeUnit.SECONDS.toNanos(60)) {
                    break;
                }
                Thread.sleep(1000);
            }
            System.out.printf(Locale.ROOT, "inbox seeded through POST /api/proposals in %.0f s%n",
                    (System.nanoTime() - start) / 1e9);
        }
        return waiting;
    }

    private void measureQuery(String database, String name, Work query) throws Exception {
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(INBOX_QUERY_SECONDS / 4);
        for (int i = 0; i < Math.max(10, INBOX_QUERIES / 10) && (i < 2 || System.nanoTime() < warm); i++) {
            query.run();
        }
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(INBOX_QUERY_SECONDS);
        for (int i = 0; i < INBOX_QUERIES && (i < 5 || System.nanoTime() < stop); i++) {
            long t0 = System.nanoTime();
            query.run();
            latency.recordValue((System.nanoTime() - t0) / 1000);
        }
        record(database, name + " p50", "ms", "", latency.getValueAtPercentile(50) / 1000.0);
        record(database, name + " p95", "ms", "< 100", latency.getValueAtPercentile(95) / 1000.0);
        record(database, name + ": queries sampled", "count", "", latency.getTotalCount());
    }

    private int stzaTasks(Http http) throws Exception {
        return JSON.readTree(expect(http.get("/engine-rest/task/count?candidateGroup=stza-reviewers", "stza-reviewer"),
                200).body()).path("count").asInt();
    }

    // ---- 3. bare engine ----

    /** The bare engine, and the service's lifecycle as a multiple of its cost: by rate, by CPU, without the JIT. */
    private void compareWithTheBareEngine(String database, Path work, LifecycleRun lifecycles) throws Exception {
        BareRun bare = bare(database, work);
        record(database, "bare engine (" + BARE_THREADS + " threads, no-op delegates): instances/s", "1/s", "",
                bare.rate());
        record(database, "bare engine: CPU per instance", "ms", "", bare.cpu().millis());
        record(database, "bare engine: of it, the JIT compilers", "ms", "", bare.cpu().compilerMillis());
        record(database, "lifecycle cost, service / bare (= bare rate / service rate)", "x", "<= 1.25",
                bare.rate() / lifecycles.rate());
        record(database, "lifecycle CPU, service / bare", "x", "", lifecycles.cpu().millis() / bare.cpu().millis());
        // What a long night's steady state would show, once the JIT has compiled what both run.
        record(database, "lifecycle CPU without the JIT compilers, service / bare", "x", "",
                lifecycles.cpu().withoutCompilers() / bare.cpu().withoutCompilers());
    }

    /** Instances per second, and the driver's CPU per instance (nothing else runs in it meanwhile). */
    private record BareRun(double rate, ProcessCpu.PerOperation cpu) {
    }

    private BareRun bare(String database, Path work) throws Exception {
        String url;
        if (database.equals("postgres")) {
            freshPostgres("exchange_bench_bare");
            url = PG + "exchange_bench_bare";
        } else {
            url = "jdbc:h2:file:" + work.resolve("bare") + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        try (BareEngine engine = new BareEngine(url, database.equals("postgres") ? "postgres" : "sa", "", HISTORY)) {
            // Warmed by as many lifecycles as the service, so that both run code compiled as far.
            engine.run(LIFECYCLE_WARM_UP, BARE_THREADS);
            ProcessCpu cpu = ProcessCpu.ofThisJvm();
            ProcessCpu.Reading before = cpu.read();
            double rate = engine.run(BARE_INSTANCES, BARE_THREADS);
            return new BareRun(rate, ProcessCpu.PerOperation.between(before, cpu.read(), BARE_INSTANCES));
        }
    }

    // ---- plumbing ----

    interface Work {
        void run() throws Exception;
    }

    private static void parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    work.run();
                    return null;
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    private static void pause(long deadline, String waitingFor) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up waiting for " + waitingFor);
        }
        // As a client that checks back now and then: every poll is a request the service serves and the CPU figures
        // count, so polling every few milliseconds would make the lifecycle look dearer than it is.
        Thread.sleep(POLL_MILLIS);
    }

    /**
     * What PostgreSQL's autovacuum gives a busy database within a minute: the planner's statistics, and the
     * visibility map an index-only count needs. This machine's PostgreSQL runs with autovacuum off (its CI
     * configuration), production keeps it on, so the driver stands in for it after each phase that grows the
     * tables. Without it the planner saw empty tables and joined every waiting task with every identity link of the
     * group: the reviewer's task lookup took 1.8 s instead of milliseconds (README "Performance").
     */
    private static void autovacuumCatchesUp(String database, String serviceDatabase) throws Exception {
        if (!database.equals("postgres")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(serviceDatabase, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze"); // outside a transaction: the connection is in autocommit
        }
    }

    /** A new, empty database: on PostgreSQL by name, on H2 a file. */
    private static String freshDatabase(String database, String name, Path h2File) throws Exception {
        if (database.equals("postgres")) {
            freshPostgres(name);
            return PG + name;
        }
        return "jdbc:h2:file:" + h2File;
    }

    private static List<String> serviceArguments(String database, String url, List<String> mail) {
        List<String> arguments = new ArrayList<>(mail);
        arguments.add("--spring.datasource.url=" + url);
        if (database.equals("postgres")) {
            // As the postgres profile runs it: the engine's schema from the versioned scripts, with our indexes.
            arguments.addAll(List.of("--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--camunda.bpm.database.schema-update=false"));
        }
        arguments.addAll(EXTRA_ARGS);
        return arguments;
    }

    private static void freshPostgres(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
    }

    private static Path findJar() throws Exception {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("exchange-approval-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/exchange-approval-*.jar: run ./mvnw -B package -DskipTests first"));
        }
    }

    private void record(String database, String name, String unit, String target, double value) {
        System.out.printf(Locale.ROOT, "  %-75s %10.1f %s%n", name, value, unit);
        figures.computeIfAbsent(database + "|" + name, k -> new Figure(database, name, unit, target, new ArrayList<>()))
                .runs().add(value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void write(double seconds) throws Exception {
        StringBuilder md = new StringBuilder();
        StringBuilder csv = new StringBuilder("database,figure,unit,median,min,max,runs,target\n");
        md.append(String.format(Locale.ROOT, "Deadline rush, %s mode, %s, %d cores (availableProcessors), "
                        + "load average before %s, after %s; %d run(s) per database, each on a fresh database and a fresh "
                        + "service (-Xmx%s, history %s in the bare engine); %.0f s in all.%n%n", FULL ? "full" : "short",
                Instant.now(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), RUNS, HEAP, HISTORY,
                seconds));
        md.append("| database | figure | median | min | max | unit | target | holds |\n|---|---|---:|---:|---:|---|---|---|\n");
        for (Figure figure : figures.values()) {
            DescriptiveStatistics stats = new DescriptiveStatistics(figure.runs().stream().mapToDouble(d -> d).toArray());
            double median = stats.getPercentile(50);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %s | %s | %s |%n", figure.database(),
                    figure.name(), median, stats.getMin(), stats.getMax(), figure.unit(), figure.target(),
                    holds(figure.target(), median)));
            csv.append(String.format(Locale.ROOT, "%s,\"%s\",%s,%.2f,%.2f,%.2f,%d,\"%s\"%n", figure.database(),
                    figure.name(), figure.unit(), median, stats.getMin(), stats.getMax(), figure.runs().size(),
                    figure.target()));
        }
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("deadline-rush.md"), md);
        Files.writeString(out.resolve("deadline-rush.csv"), csv);
        System.out.println("\n" + md + "\nwritten to target/benchmark/deadline-rush.md and .csv");
    }

    private static String holds(String target, double value) {
        if (target.isBlank()) {
            return "";
        }
        String[] parts = target.contains(" ") ? target.split(" ") : new String[] {"=", target};
        double bound = Double.parseDouble(parts[1]);
        boolean ok = switch (parts[0]) {
            case "<" -> value < bound;
            case "<=" -> value <= bound;
            case ">=" -> value >= bound;
            default -> value == bound;
        };
        return ok ? "yes" : "**no**";
    }

    /** Counts the mails GreenMail accepted, per proposal reference (read from the subject). */
    private static final class MailCounter {
        private final GreenMail smtp;
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean running = true;
        /** GreenMail lists messages mailbox by mailbox, so a new one may appear anywhere: remember each by identity. */
        private final java.util.Set<MimeMessage> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        MailCounter(GreenMail smtp) {
            this.smtp = smtp;
            reader = new Thread(this::read, "mail-counter");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            while (running) {
                try {
                    for (MimeMessage message : smtp.getReceivedMessages()) {
                        if (seen.contains(message)) {
                            continue;
                        }
                        Matcher matcher = REFERENCE.matcher(String.valueOf(message.getSubject()));
                        seen.add(message);
                        if (matcher.find()) {
                            counts.computeIfAbsent(matcher.group(1), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a message still being written: read it again next time
                }
            }
        }

        int count(String reference) {
            AtomicInteger count = counts.get(reference);
            return count == null ? 0 : count.get();
        }

        void stop() {
            running = false;
            reader.interrupt();
        }
    }
}
