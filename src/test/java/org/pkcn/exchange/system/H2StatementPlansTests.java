package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.h2.command.Command;
import org.h2.command.CommandContainer;
import org.h2.command.Prepared;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.util.HasSQL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * On H2 the statements the engine runs stay parsed and planned (a cache per connection large enough for them),
 * and their plans follow the data: made again once H2 has re-analysed a table. And the service, not H2's own
 * shutdown hook, closes the database at a stop.
 */
class H2StatementPlansTests {

    /** The shape of the engine's lookup of an execution's variables, and the two indexes it can choose from. */
    private static final String VARIABLES_OF_AN_EXECUTION =
            "select * from VARIABLE where EXECUTION_ID_ = ? and TASK_ID_ is null";

    @Test
    void anH2Url_getsAStatementCacheForTheEngine_andIsClosedBySpringNotByH2sShutdownHook() {
        assertThat(urlAfterStart("jdbc:h2:file:/srv/exchange"))
                .isEqualTo("jdbc:h2:file:/srv/exchange;QUERY_CACHE_SIZE=256;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(urlAfterStart("jdbc:h2:file:./data/exchange;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/exchange;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256");
    }

    @Test
    void anH2UrlThatSetsBothItself_andAnyOtherDatabase_areLeftAsGiven() {
        assertThat(urlAfterStart("jdbc:h2:mem:test;query_cache_size = 16;db_close_on_exit=TRUE"))
                .isEqualTo("jdbc:h2:mem:test;query_cache_size = 16;db_close_on_exit=TRUE");
        assertThat(urlAfterStart("jdbc:postgresql://db/exchange")).isEqualTo("jdbc:postgresql://db/exchange");
    }

    @Test
    void anH2FileSharedWithOtherProcesses_keepsH2sShutdownHook_whichH2Requires(@TempDir Path folder) throws Exception {
        String shared = urlAfterStart("jdbc:h2:file:" + folder.resolve("shared") + ";AUTO_SERVER=TRUE");
        assertThat(shared).endsWith(";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=256");
        String own = urlAfterStart("jdbc:h2:file:" + folder.resolve("own"));
        for (String url : List.of(shared, own)) {
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                assertThat(connection.isValid(1)).as(url).isTrue();
            }
        }
    }

    @Test
    void aPlanMadeWhileTheTableWasEmpty_isMadeAgain_onceH2HasReanalysedTheGrownTable() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:plans-follow-the-data;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64");
        H2PlanRenewal renewal = new H2PlanRenewal(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table VARIABLE (ID_ varchar(64) primary key, EXECUTION_ID_ varchar(64), "
                    + "TASK_ID_ varchar(64))");
            statement.execute("create index VARIABLE_TASK on VARIABLE (TASK_ID_)");
            statement.execute("create index VARIABLE_EXECUTION on VARIABLE (EXECUTION_ID_)");
            assertThat(renewal.renewIfReanalysed()).as("the first look renews").isTrue();
            assertThat(cachedPlan(connection)).as("empty: H2 cannot tell the indexes apart")
                    .contains("VARIABLE_TASK: TASK_ID_ IS NULL");

            insertVariables(connection, 20_000); // H2 re-analyses after 2,000, 4,000, … changes
            assertThat(cachedPlan(connection)).as("grown, before the renewal: the cached plan, made when empty")
                    .contains("VARIABLE_TASK: TASK_ID_ IS NULL");

            assertThat(renewal.renewIfReanalysed()).as("statistics changed").isTrue();
            assertThat(cachedPlan(connection)).as("planned again: the index that finds an execution's few rows")
                    .contains("VARIABLE_EXECUTION: EXECUTION_ID_ = ?1");
            assertThat(renewal.renewIfReanalysed()).as("nothing re-analysed since: nothing renewed").isFalse();
        } finally {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("shutdown");
            }
        }
    }

    /** 20 variables per execution, 1 in 100 of them a task's: most rows have no task, as in the engine. */
    private static void insertVariables(Connection connection, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into VARIABLE values (?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "variable-" + i);
                insert.setString(2, "execution-" + i / 20);
                insert.setString(3, i % 100 == 0 ? "task-" + i : null);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
        }
    }

    /**
     * The plan of the statement as this connection's cache holds it. H2 shows it only through its own classes;
     * should an upgrade change them, this test fails to compile or run, and the renewal needs looking at again.
     */
    private static String cachedPlan(Connection connection) throws Exception {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        Command command = session.prepareLocal(VARIABLES_OF_AN_EXECUTION);
        try {
            Field prepared = CommandContainer.class.getDeclaredField("prepared");
            prepared.setAccessible(true);
            return ((Prepared) prepared.get(command)).getPlanSQL(HasSQL.ADD_PLAN_INFORMATION);
        } finally {
            command.close();
        }
    }

    private static String urlAfterStart(String url) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of(H2UrlSettings.URL, url)));
        new H2UrlSettings().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(H2UrlSettings.URL);
    }
}
