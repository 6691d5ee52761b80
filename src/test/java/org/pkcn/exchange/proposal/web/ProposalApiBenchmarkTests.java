package org.pkcn.exchange.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.BasicAuth.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.process.SampleProposals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * How fast the API answers, measured over real HTTP on this machine: submitting a proposal, and listing one
 * applicant's proposals (and, for a reviewer, a page of all) with 100,000 proposals in the registry.
 * Prints median and 95th percentile; writes them to target/benchmark.txt. Not part of the normal run:
 * {@code ./mvnw verify -Dgroups=benchmark -Dtest.smtp.port=3425}. It asserts nothing about time.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
        "logging.level.org.pkcn=WARN"})
class ProposalApiBenchmarkTests {

    static final int REGISTRY_SIZE = 100_000;
    static final int APPLICANTS = 5_000;
    static final int WARM_UP = 30;
    static final int SUBMISSIONS = 200;
    static final int LISTINGS = 300;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void submissionAndListing_withAHundredThousandProposals() throws Exception {
        long filling = System.nanoTime();
        fillRegistry(REGISTRY_SIZE);
        double fillSeconds = (System.nanoTime() - filling) / 1e9;
        assertThat(jdbc.queryForObject("select count(*) from proposal", Long.class)).isGreaterThanOrEqualTo(REGISTRY_SIZE);

        String body = json.writeValueAsString(SampleProposals.jointAiResearch());
        measure(WARM_UP, 201, i -> post("/api/proposals", body));
        List<Double> submit = measure(SUBMISSIONS, 201, i -> post("/api/proposals", body));
        measure(WARM_UP, 200, i -> get("/api/proposals?size=20", "applicant"));
        List<Double> mine = measure(LISTINGS, 200, i -> get("/api/proposals?size=20", "applicant"));
        for (int i = 0; i < 50; i++) {
            ensureAccount("bench-" + i);
        }
        List<Double> someoneElses = measure(LISTINGS, 200, i -> get("/api/proposals?size=20", "bench-" + (i % 50)));
        List<Double> all = measure(LISTINGS, 200, i -> get("/api/proposals?scope=all&size=20&page=" + (i % 100), "admin"));

        String report = String.format(Locale.ROOT, """
                Benchmark (%d cores, %s), %d proposals in the registry (filled in %.1f s), times in ms over HTTP:
                  what                                            n   median     p95
                  POST /api/proposals (submit, start process)  %4d  %7.1f %7.1f
                  GET /api/proposals (applicant, %3d own)       %4d  %7.1f %7.1f
                  GET /api/proposals (applicant, ~20 own)       %4d  %7.1f %7.1f
                  GET /api/proposals?scope=all (admin, paged)   %4d  %7.1f %7.1f
                """, Runtime.getRuntime().availableProcessors(), "H2 in memory",
                jdbc.queryForObject("select count(*) from proposal", Long.class), fillSeconds,
                submit.size(), median(submit), p95(submit),
                jdbc.queryForObject("select count(*) from proposal where applicant_user = 'applicant'", Long.class),
                mine.size(), median(mine), p95(mine), someoneElses.size(), median(someoneElses), p95(someoneElses),
                all.size(), median(all), p95(all));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark.txt"), report);
    }

    /** Registry rows straight into the tables (no process instances): the listing reads only the registry. */
    private void fillRegistry(int count) {
        long next = jdbc.queryForObject("select coalesce(max(id), 0) from proposal", Long.class) + 1;
        Instant now = Instant.now();
        List<Object[]> proposals = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            long id = next + n;
            String owner = n % 1000 == 0 ? "applicant" : "bench-" + (n % APPLICANTS);
            Timestamp at = Timestamp.from(now.minusSeconds(count - n));
            proposals.add(new Object[] {id, "PKCN-2025-" + id, owner, "Exchange " + id, "Organisation " + (n % APPLICANTS),
                    "ENTERPRISE", n % 2 == 0 ? "PK" : "CN", "Lahore", "Contact", "contact" + n + "@example.org", "EN", false,
                    "Counterpart", "RD_CENTRE", "partner@example.cn", "ROBOTICS", "JOINT_RESEARCH", "Objectives",
                    "Outcomes", java.sql.Date.valueOf(LocalDate.now().plusMonths(2)), 12, 250000, "USD", "SUBMITTED",
                    at, at});
            changes.add(new Object[] {10_000_000L + id, id, "SUBMITTED", owner, at});
            if (proposals.size() == 2_000 || n == count - 1) {
                jdbc.batchUpdate("insert into proposal (id, reference, applicant_user, title, applicant_name, "
                        + "applicant_kind, applicant_country, applicant_city, contact_name, contact_email, contact_language, "
                        + "docking_requested, counterpart_name, counterpart_kind, counterpart_email, sector, exchange_kind, "
                        + "objectives, expected_outcomes, start_date, duration_months, budget_amount, budget_currency, status, "
                        + "submitted_at, last_changed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", proposals);
                jdbc.batchUpdate("insert into status_change (id, proposal_id, status, actor, changed_at) "
                        + "values (?, ?, ?, ?, ?)", changes);
                proposals.clear();
                changes.clear();
            }
        }
        jdbc.execute("alter sequence proposal_seq restart with " + (next + count + 1));
        jdbc.execute("analyze");
    }

    private static List<Double> measure(int times, int expectedStatus, IntUnaryOperator call) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            int status = call.applyAsInt(i);
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(status).as("status of call %d", i).isEqualTo(expectedStatus);
        }
        return millis;
    }

    private int post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", basic("applicant", "demo")).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int get(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "demo")).GET().build());
    }

    private final java.util.Set<String> accounts = new java.util.HashSet<>();
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    private void ensureAccount(String user) {
        if (accounts.add(user) && identityService.createUserQuery().userId(user).count() == 0) {
            var account = identityService.newUser(user);
            account.setPassword("demo");
            account.setEmail(user + "@bench.example.org");
            identityService.saveUser(account);
            identityService.createMembership(user, "applicants");
        }
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double p95(List<Double> values) {
        return percentile(values, 95);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
