package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.process.ExchangeProposalProcess.COMMENT;
import static org.pkcn.exchange.process.ExchangeProposalProcess.DECISION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.pkcn.exchange.process.ProcessScenario;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What operators and load balancers see: health (bare for everyone, detailed for administrators; SMTP down
 * is DEGRADED and still 200), the liveness and readiness groups, and Prometheus metrics for administrators
 * only, with the programme's figures after real proposals. The job executor runs here, as on a real node
 * (its health is part of the node's), and stops after these tests. The context stays open: closing it would
 * take the engine named "default" out of the JVM-wide registry the other test contexts' webapps use.
 */
@Tag(ExchangeTest.DATABASE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.core-pool-size=2",
        "camunda.bpm.job-execution.max-pool-size=3", "exchange.health.smtp-check-interval=PT0S",
        "exchange.metrics.refresh=PT0S"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
class OperationsEndpointsTests extends ProcessScenario {

    /** Stopped after these tests, so that it runs no step of the tests that come next (they run steps themselves). */
    private static JobExecutor jobExecutor;

    @LocalServerPort int port;
    @Autowired JobExecutor executor;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void keepTheJobExecutor() {
        jobExecutor = executor;
    }

    @AfterAll
    static void stopTheJobExecutor() {
        if (jobExecutor != null) {
            jobExecutor.shutdown();
        }
    }

    @Test
    void anonymousCallers_seeTheBareStatusOnly() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        // "groups" names the probes (liveness, readiness); no component, no detail.
        assertThat(json.readTree(health.body()).fieldNames()).toIterable().containsOnly("status", "groups");
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void administrators_seeTheEngineTheDatabaseAndTheSmtpServer() throws Exception {
        JsonNode components = json.readTree(get("/actuator/health", "admin:demo").body()).path("components");

        for (String component : new String[] {"db", "processEngine", "jobExecutor", "smtp", "livenessState",
                "readinessState"}) {
            assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(components.path("smtp").path("details").path("location").asText()).endsWith(":" + SMTP_PORT);
        assertThat(json.readTree(get("/actuator/health", "applicant:demo").body()).has("components"))
                .as("details for administrators only").isFalse();
    }

    @Test
    void smtpServerDown_theNodeIsDegradedButStaysInTheLoadBalancer() throws Exception {
        smtp.stop();

        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("DEGRADED");
        JsonNode details = json.readTree(get("/actuator/health", "admin:demo").body());
        assertThat(details.path("components").path("smtp").path("status").asText()).isEqualTo("DEGRADED");
        assertThat(details.path("components").path("db").path("status").asText()).isEqualTo("UP");

        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).path("status").asText()).as("ready: mails wait, users are served")
                .isEqualTo("UP");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        smtp.start();
    }

    @Test
    void readinessAndLiveness_areGroupsOfTheirOwn() throws Exception {
        JsonNode readiness = json.readTree(get("/actuator/health/readiness", "admin:demo").body());
        JsonNode liveness = json.readTree(get("/actuator/health/liveness", "admin:demo").body());

        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "processEngine", "readinessState");
        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void prometheusMetrics_needAnAdministrator() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "applicant:demo").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "stza-reviewer:demo").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "admin:demo").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", "admin:demo").statusCode()).as("not exposed").isEqualTo(404);
    }

    @Test
    void prometheusMetrics_showTheProgrammesFigures_afterRealProposals() throws Exception {
        // Steps other tests left in the shared database run here too: let them finish before counting.
        eventually(() -> managementService.createJobQuery().executable().count() == 0 ? true : null);
        double approvedBefore = metric("exchange_proposals\\{.*status=\"APPROVED\".*\\}");
        double sentBefore = metric("exchange_notifications_sent_total\\{.*event=\"APPROVED\".*\\}");
        String approved = referenceOf(submit(SampleProposals.jointAiResearch()));
        approve(approved, STZA_REVIEWER);
        approve(approved, ZBRA_REVIEWER);
        String waiting = referenceOf(submit(SampleProposals.jointAiResearch()));
        eventually(() -> reviewTask(waiting));
        eventually(() -> mailsAbout(approved).size() == 5 ? true : null);

        assertThat(metric("exchange_proposals\\{.*status=\"APPROVED\".*\\}")).isEqualTo(approvedBefore + 1);
        assertThat(metric("exchange_proposals\\{.*status=\"SUBMITTED\".*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("exchange_review_tasks_open\\{.*party=\"STZA\".*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("exchange_review_tasks_overdue\\{.*party=\"STZA\".*\\}")).isZero();
        assertThat(metric("exchange_review_duration_seconds_count\\{.*party=\"STZA\".*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("exchange_review_duration_seconds_count\\{.*party=\"ZBRA\".*\\}")).isGreaterThanOrEqualTo(1);
        assertThat(metric("exchange_notifications_sent_total\\{.*event=\"APPROVED\".*\\}")).isEqualTo(sentBefore + 4);
        assertThat(metric("exchange_notifications_failed_total\\{.*event=\"APPROVED\".*\\}")).isZero();
        assertThat(metric("exchange_jobs_failed\\{.*\\}"))
                .isEqualTo(managementService.createJobQuery().withException().count());
        assertThat(metric("exchange_incidents_open\\{.*\\}")).isEqualTo(runtimeService.createIncidentQuery().count());
    }

    private void approve(String reference, String reviewer) throws InterruptedException {
        Task task = eventually(() -> {
            Task found = reviewTask(reference);
            return found != null && (found.getAssignee() == null) && isFor(found, reviewer) ? found : null;
        });
        taskService.claim(task.getId(), reviewer);
        taskService.complete(task.getId(), java.util.Map.of(DECISION, "APPROVE", COMMENT, ""));
    }

    private boolean isFor(Task task, String reviewer) {
        String group = reviewer.startsWith("stza") ? "stza-reviewers" : "zbra-reviewers";
        return taskService.getIdentityLinksForTask(task.getId()).stream().anyMatch(link -> group.equals(link.getGroupId()));
    }

    /** The job executor runs the steps on its own: waits until the answer is there. */
    private static <T> T eventually(Supplier<T> answer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value;
        while ((value = answer.get()) == null) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        return value;
    }

    private double metric(String series) throws Exception {
        String body = get("/actuator/prometheus", "admin:demo").body();
        Matcher line = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(body);
        assertThat(line.find()).as("%s in%n%s", series, body.lines().filter(l -> l.startsWith("exchange_")).toList())
                .isTrue();
        return Double.parseDouble(line.group(1));
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
