package org.pkcn.exchange.system;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives an H2 database a statement cache that holds what the engine runs: {@code QUERY_CACHE_SIZE} added to an
 * H2 URL that does not set it, whichever URL an operator gives. Registered in META-INF/spring.factories.
 *
 * <p>Why: H2 keeps the parsed and planned statements of each connection, 8 by default, and a submission or an
 * acknowledgement step runs several times as many distinct statements; so H2 parsed and planned nearly every
 * statement again (12 % of a submission request's CPU in a profile, README "Performance"). A cached plan is kept
 * until the schema changes, however much the data grows: {@link H2PlanRenewal} renews them.
 */
class H2StatementCache implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    static final int STATEMENTS_PER_CONNECTION = 256;
    private static final Pattern SETS_ITS_OWN = Pattern.compile("(?i).*;\\s*QUERY_CACHE_SIZE\\s*=.*");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url != null && url.startsWith("jdbc:h2:") && !SETS_ITS_OWN.matcher(url).matches()) {
            environment.getPropertySources().addFirst(new MapPropertySource("h2StatementCache",
                    Map.of(URL, url + ";QUERY_CACHE_SIZE=" + STATEMENTS_PER_CONNECTION)));
        }
    }
}
