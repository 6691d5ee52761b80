package org.pkcn.exchange.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the PostgreSQL server runs with autovacuum off. Without it the planner's statistics
 * describe tables as they were, not as they grew: on a benchmark server set up that way a reviewer's lookup of
 * one proposal's task joined every waiting task with every link of the group, 1.8 s instead of milliseconds
 * (README "Performance", docs/postgres.md). A warning, not a refusal: the node still serves correctly.
 */
@Component
class AutovacuumCheck {

    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final DataSource dataSource;

    AutovacuumCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOff() {
        warningFor(dataSource).ifPresent(log::warn);
    }

    /** The warning for this database, if it is PostgreSQL with autovacuum off; nothing for any other. */
    static Optional<String> warningFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet setting = statement.executeQuery("show autovacuum")) {
                if (setting.next() && "off".equals(setting.getString(1))) {
                    return Optional.of("PostgreSQL runs with autovacuum off: the planner's statistics go stale as "
                            + "proposals arrive, and task queries can slow from milliseconds to seconds. Turn it on "
                            + "(PostgreSQL's default; docs/postgres.md).");
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            log.warn("Could not read PostgreSQL's autovacuum setting: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
