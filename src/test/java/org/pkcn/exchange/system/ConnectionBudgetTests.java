package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** A node never runs as many jobs at once as it has connections: the mail steps could all wait for a second one. */
class ConnectionBudgetTests {

    private final ConnectionBudget budget = new ConnectionBudget();

    @Test
    void asManyJobThreadsAsConnections_stopsTheStart_namingBothSettings() {
        assertThatThrownBy(() -> check(Map.of(ConnectionBudget.JOB_THREADS, "5", ConnectionBudget.CONNECTIONS, "5")))
                .hasMessageContaining("camunda.bpm.job-execution.max-pool-size (5) must be smaller than "
                        + "spring.datasource.hikari.maximum-pool-size (5)");
    }

    @Test
    void withNeitherSet_theLibrariesDefaultsOfTenAndTen_stopTheStart() {
        assertThatThrownBy(() -> check(Map.of())).hasMessageContaining("(10) must be smaller than");
    }

    @Test
    void withoutAJobExecutor_thereIsNothingToCheck() {
        assertThatCode(() -> check(Map.of("camunda.bpm.job-execution.enabled", "false"))).doesNotThrowAnyException();
    }

    @Test
    void theEmbeddedDefaultAndThePostgresProfile_keepToTheBudget() throws Exception {
        StandardEnvironment embedded = environmentOf("application.properties");
        assertThatCode(() -> budget.postProcessEnvironment(embedded, new SpringApplication())).doesNotThrowAnyException();

        StandardEnvironment postgres = environmentOf("application.properties");
        postgres.getPropertySources().addFirst(new ResourcePropertySource(
                new ClassPathResource("application-postgres.properties")));
        assertThatCode(() -> budget.postProcessEnvironment(postgres, new SpringApplication())).doesNotThrowAnyException();
    }

    private void check(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        budget.postProcessEnvironment(environment, new SpringApplication());
    }

    private static StandardEnvironment environmentOf(String file) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new ResourcePropertySource(new ClassPathResource(file)));
        return environment;
    }
}
