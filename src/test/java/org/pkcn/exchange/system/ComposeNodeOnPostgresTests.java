package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeApplication;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first application node of docker/compose.yaml, started here with exactly the environment its container
 * gets (the image's ENV and the node's), on an empty PostgreSQL database as on a first {@code docker compose up},
 * becomes ready (its health DEGRADED only because compose's Mailpit is not here). Two things differ, because there is no Docker here: the datasource is the local PostgreSQL
 * of the test run, and the port is a free one (server.port=0), so that a busy 8080 cannot fail the test.
 */
@Tag(ExchangeTest.POSTGRES_ONLY)
class ComposeNodeOnPostgresTests {

    private static final String ADMIN_PASSWORD = "compose-test-" + UUID.randomUUID();

    @Test
    void theFirstNode_startsOnAnEmptyDatabase_andIsHealthy() throws Exception {
        PostgresServer server = PostgresServer.ofTestRun();
        Assumptions.assumeTrue(server != null, "needs the PostgreSQL test run (-Dtest.datasource.url=jdbc:postgresql:...)");
        String database = PostgresServer.databaseOf(PostgresServer.testRunUrl()) + "_node";
        server.recreate(database);
        Map<String, Object> node = Deployment.nodes().values().iterator().next();
        Map<String, String> environment = Deployment.containerEnvironment(node,
                Map.of("POSTGRES_PASSWORD", "set-by-the-operator", "EXCHANGE_ADMIN_PASSWORD", ADMIN_PASSWORD));
        environment.put("SPRING_DATASOURCE_URL", server.urlOf(database));
        environment.put("SPRING_DATASOURCE_USERNAME", server.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", server.password());

        try (ConfigurableApplicationContext application = start(environment)) {
            int port = ((WebServerApplicationContext) application).getWebServer().getPort();
            HttpResponse<String> health = get(port, "/actuator/health");
            assertThat(health.statusCode()).as("GET /actuator/health: %s", health.body()).isEqualTo(200);
            // The node's SMTP server is compose's Mailpit, absent here: mail is DEGRADED, the node still serves.
            assertThat(health.body()).contains("\"status\":\"DEGRADED\"");
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as("GET /actuator/health/readiness: %s", readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");

            IdentityService identity = application.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).as("the first administrator").isTrue();
            assertThat(identity.createUserQuery().userId("applicant").count()).as("demo accounts").isZero();
            JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo(database);
            assertThat(jdbc.queryForObject("select count(*) from " + EngineSchemaMigration.HISTORY_TABLE
                    + " where success and version is not null and version <> '0'", Integer.class))
                    .as("the engine's scripts applied by Flyway").isPositive();
        } finally {
            server.drop(database);
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application, seeing as its environment only what the container would see. */
    private static ConfigurableApplicationContext start(Map<String, String> containerEnvironment) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(containerEnvironment)));
        return new SpringApplicationBuilder(ExchangeApplication.class).main(ExchangeApplication.class).environment(environment)
                .run("--server.port=0");
    }
}
