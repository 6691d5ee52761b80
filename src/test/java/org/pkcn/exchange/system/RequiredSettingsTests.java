package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A postgres node whose environment lacks what the profile requires does not start, and says what is missing. */
class RequiredSettingsTests {

    @Test
    void aPostgresNodeWithoutItsVariables_doesNotStart_andNamesThem() {
        assertThatThrownBy(() -> start(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                "SPRING_DATASOURCE_USERNAME", "exchange", "SPRING_DATASOURCE_PASSWORD", "")))
                .hasMessageContaining("spring.datasource.url=${SPRING_DATASOURCE_URL}")
                .hasMessageNotContaining("spring.datasource.username")
                .hasMessageNotContaining("spring.datasource.password");
    }

    private static void start(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        new SpringApplicationBuilder(ExchangeApplication.class).main(ExchangeApplication.class).environment(environment)
                .run().close();
    }
}
