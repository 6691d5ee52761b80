package org.pkcn.exchange.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The job executor finds due steps through an index on their due date, not by reading every timer.
 *
 * <p>Why: every waiting review holds two timers (its due date and its reminder), so on the last night of a call
 * the job table holds twice the queue, nearly all due in days. The engine's default acquisition asks for jobs
 * "without a due date or due by now" in no order, which no index answers: PostgreSQL read all 206,000 rows of a
 * table as 100,000 waiting reviews fill it, 190–270 ms per acquisition (70 ms of it without its JIT), and the job
 * executor acquires again after every batch of steps it runs. With {@code ensure-job-due-date-not-null} (every
 * step gets a due date when it is created) and {@code job-executor-acquire-by-due-date} (application.properties)
 * the question is "due by now, oldest first", which this index answers in 0.2 ms (README "Performance").
 *
 * <p>A step created before that setting, or by a node still running the version before it, has no due date and
 * would never be acquired again: each start gives such steps the current time (the service's clock, as the
 * engine's own due dates) as their due date. The index: on PostgreSQL from Flyway with the engine's schema
 * ({@code db/camunda-tuning}), on H2 from {@link EngineIndexesOnH2}.
 */
@Component
class JobDueDates {

    private static final String DUE_NOW = "update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null";
    private static final Logger log = LoggerFactory.getLogger(JobDueDates.class);

    private final DataSource dataSource;
    private final Clock clock;

    JobDueDates(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void atStartUp() throws SQLException {
        int given = giveDueDates();
        if (given > 0) {
            log.info("{} asynchronous steps without a due date are due now, so that the job executor finds them", given);
        }
    }

    /** Makes every job without a due date due now; says how many it changed. */
    int giveDueDates() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement dueNow = connection.prepareStatement(DUE_NOW)) {
            dueNow.setTimestamp(1, Timestamp.from(clock.instant()));
            return dueNow.executeUpdate();
        }
    }
}
