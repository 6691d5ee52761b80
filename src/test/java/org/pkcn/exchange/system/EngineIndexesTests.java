package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's statements that run for every waiting review read an index of ours, not the whole table: on H2
 * from {@link EngineIndexesOnH2}, on PostgreSQL from the engine's schema in Flyway ({@code db/camunda-tuning}).
 */
@ExchangeTest
class EngineIndexesTests {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theEnginesLookForATasksSubTasks_atEveryCompletion_readsTheParentIndex() {
        // The engine's own statement (selectTasksByParentTaskId in its Task.xml), with a value for its parameter.
        assertThat(planOf("select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'a-review-task'"))
                .containsIgnoringCase("ACT_IDX_TASK_PARENT");
    }

    @Test
    void theJobExecutorsLookForDueSteps_readsTheDueDateIndex() {
        assertThat(planOf("select ID_ from ACT_RU_JOB where DUEDATE_ <= current_timestamp order by DUEDATE_"))
                .containsIgnoringCase("ACT_IDX_JOB_DUEDATE");
    }

    /** The database's plan for the query, as text. */
    private String planOf(String query) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    // A test's tables hold a few rows, which PostgreSQL rightly reads whole; the question here is
                    // whether an index answers the query at all.
                    statement.execute("set enable_seqscan = off");
                }
                List<String> plan = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                } finally {
                    if (postgres) {
                        statement.execute("reset enable_seqscan");
                    }
                }
                return String.join("\n", plan);
            }
        });
    }
}
