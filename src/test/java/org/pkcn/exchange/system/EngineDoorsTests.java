package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pkcn.exchange.BasicAuth.basic;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's doors that Camunda 7.24.0 leaves open are shut: the first-run setup, expressions in
 * queries (orQueries included), Java-serialized variables. A canary bean shows no expression ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineDoorsTests {

    /** Counts its calls: an expression that reached the engine would call it. */
    public static class Canary {
        public final AtomicInteger calls = new AtomicInteger();

        public String sing() {
            calls.incrementAndGet();
            return "stza-reviewer";
        }
    }

    @TestConfiguration
    static class CanaryConfiguration {
        @Bean
        Canary canary() {
            return new Canary();
        }
    }

    @LocalServerPort int port;
    @Autowired Canary canary;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void firstRunSetup_isForbidden_andCreatesNobody() throws Exception {
        long users = identityService.createUserQuery().count();
        var response = send("POST", "/camunda/api/admin/setup/default/user/create", null,
                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@n.org\"},"
                        + "\"credentials\":{\"password\":\"intruder-password\"}}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void firstRunSetup_staysForbidden_whenTheOnlyAdministratorIsAnIndirectMember() throws Exception {
        // The state CVE-2026-77226 needs: no user is a direct member of camunda-admin.
        identityService.deleteMembership("admin", "camunda-admin");
        try {
            var response = send("POST", "/camunda/api/admin/setup/default/user/create", null,
                    "{\"profile\":{\"id\":\"intruder2\",\"firstName\":\"I\",\"lastName\":\"N\","
                            + "\"email\":\"i@n.org\"},\"credentials\":{\"password\":\"intruder-password\"}}");
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(identityService.createUserQuery().userId("intruder2").count()).isZero();
        } finally {
            identityService.createMembership("admin", "camunda-admin");
        }
    }

    @Test
    void expressionInAQueryParameter_isRefusedAndNeverEvaluated() throws Exception {
        var response = send("GET", "/engine-rest/task?assigneeExpression="
                + URLEncoder.encode("${canary.sing()}", StandardCharsets.UTF_8), "admin", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("assigneeExpression");
        assertThat(canary.calls).hasValue(0);
    }

    @Test
    void expressionInsideOrQueries_isRefusedAndNeverEvaluated() throws Exception {
        var response = send("POST", "/engine-rest/task", "stza-reviewer",
                "{\"orQueries\":[{\"assigneeExpression\":\"${canary.sing()}\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(canary.calls).hasValue(0);
    }

    @Test
    void expressionInAStoredFilter_isRefused() throws Exception {
        var response = send("POST", "/engine-rest/filter/create", "admin",
                "{\"resourceType\":\"Task\",\"name\":\"sneaky\",\"query\":{\"orQueries\":[{\"candidateGroupExpression\":"
                        + "\"${canary.sing()}\"}]}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(canary.calls).hasValue(0);
    }

    @Test
    void expressionThroughTheTasklistsOwnApi_isRefused() throws Exception {
        var response = send("POST", "/camunda/api/engine/engine/default/task", null,
                "{\"orQueries\":[{\"assigneeExpression\":\"${canary.sing()}\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(canary.calls).hasValue(0);
    }

    @Test
    void javaSerializedObjectVariable_isRefused() throws Exception {
        long instances = runtimeService.createProcessInstanceQuery().count();
        var response = send("POST", "/engine-rest/process-definition/key/exchange-proposal/start", "admin",
                "{\"variables\":{\"payload\":{\"value\":\"rO0ABXQABWhlbGxv\",\"type\":\"Object\",\"valueInfo\":"
                        + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
                        + "\"application/x-java-serialized-object\"}}}}");
        assertThat(response.statusCode()).isBetween(400, 599).isNotEqualTo(401);
        assertThat(response.body()).containsIgnoringCase("serializ");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void theApiDescriptionAndTheH2Console_areNotOpenToAnonymousVisitors() throws Exception {
        assertThat(send("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/swagger-ui.html", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v3/api-docs", "admin", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/h2-console", "admin", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aQueryForAHundredThousandRows_isCapped() throws Exception {
        var response = send("GET", "/engine-rest/task?firstResult=0&maxResults=100000", "admin", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Max results limit of 2000 exceeded");
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", basic(user, "demo"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
