package org.pkcn.exchange.system;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Completes whichever H2 URL an operator gives with the settings the service relies on, each added unless the URL
 * sets it itself. Registered in META-INF/spring.factories.
 *
 * <ul>
 * <li>{@code QUERY_CACHE_SIZE}: a statement cache that holds what the engine runs. H2 keeps the parsed and planned
 * statements of each connection, 8 by default, and a submission or an acknowledgement step runs several times as
 * many distinct statements; so H2 parsed and planned nearly every statement again (12 % of a submission request's
 * CPU in a profile, README "Performance"). A cached plan is kept until the schema changes, however much the data
 * grows: {@link H2PlanRenewal} renews them.
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the service closes the database itself, when its connection pool closes, after
 * the job executor has handed back the jobs it took ({@link JobExecutorShutdown}) and the engine has stopped. By
 * default H2 closes it from a shutdown hook of its own, which the JVM runs alongside Spring's: at a stop by signal
 * (a container's stop, an operator's Ctrl-C) the job executor's hand-back and the engine's last report of its
 * metrics failed with "Database is already closed" (20-odd such errors in each of the benchmark's H2 trace files),
 * so the jobs this node had taken would stay locked for the lock time (5 minutes) after a restart. Not with
 * {@code AUTO_SERVER=TRUE} (other processes share the file, e.g. a database tool while the service runs), which H2
 * allows only with its own hook.
 * </ul>
 */
class H2UrlSettings implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    static final int STATEMENTS_PER_CONNECTION = 256;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return;
        }
        String completed = url;
        if (!sets(url, "QUERY_CACHE_SIZE=")) {
            completed += ";QUERY_CACHE_SIZE=" + STATEMENTS_PER_CONNECTION;
        }
        if (!sets(url, "DB_CLOSE_ON_EXIT=") && !sets(url, "AUTO_SERVER=TRUE")) {
            completed += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!completed.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("h2UrlSettings", Map.of(URL, completed)));
        }
    }

    /** Whether the URL's own settings (any case, spaces allowed) hold this one. */
    private static boolean sets(String url, String setting) {
        return url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";" + setting);
    }
}
