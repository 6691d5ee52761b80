package org.pkcn.exchange.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Stops the start-up when a {@code ${NAME}} without default in the application's properties files has no value,
 * naming every one missing. Without this, Spring Boot binds the text itself: a node started without
 * EXCHANGE_ADMIN_PASSWORD would create its administrator with the password "${EXCHANGE_ADMIN_PASSWORD}", and one
 * without SPRING_DATASOURCE_URL would fail with a puzzle about a URL not starting with "jdbc".
 * Registered in META-INF/spring.factories; runs once the properties files are loaded.
 */
class RequiredSettings implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> missing = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof OriginTrackedMapPropertySource file) {
                for (String key : file.getPropertyNames()) {
                    Object raw = file.getProperty(key);
                    if (raw != null && raw.toString().contains("${") && !resolves(environment, key)) {
                        missing.add(key + "=" + raw);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("These settings take their value from the environment, and it has none: "
                    + String.join(", ", missing));
        }
    }

    /** The environment resolves from its first source that has the key: a variable set there wins over the file. */
    private static boolean resolves(ConfigurableEnvironment environment, String key) {
        try {
            environment.getProperty(key);
            return true;
        } catch (IllegalArgumentException unresolvable) {
            return false;
        }
    }
}
