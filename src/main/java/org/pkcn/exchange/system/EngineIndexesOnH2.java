package org.pkcn.exchange.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On H2, the indexes of ours that the engine's tables need on a deadline night and its own scripts do not create.
 *
 * <p>Why here: on H2 the engine creates its tables itself at start, so these follow at each start ({@code if not
 * exists}: a no-op once made). On PostgreSQL the same indexes come with the engine's schema from Flyway
 * ({@code db/camunda-tuning}), where each one says why it is there; not from here, as even a {@code create index if
 * not exists} would lock the table against the other nodes' writes while it looks. PostgreSQL's two indexes for
 * the inbox (its sort by due date and its count) are not here: H2's inbox page is fast without them.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class EngineIndexesOnH2 {

    private static final List<String> INDEXES = List.of(
            // The job executor's acquisition, "due by now, oldest first" (JobDueDates; V7.24.0.102 on PostgreSQL).
            "create index if not exists ACT_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)",
            // The engine's look for a task's sub-tasks at every completion (V7.24.0.103 on PostgreSQL).
            "create index if not exists ACT_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)");

    private final DataSource dataSource;

    EngineIndexesOnH2(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Before JobDueDates, so that its update finds steps without a due date by the index too. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(-1)
    void createMissing() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String index : INDEXES) {
                statement.execute(index);
            }
        }
    }
}
