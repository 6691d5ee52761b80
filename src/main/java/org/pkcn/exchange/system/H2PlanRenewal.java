package org.pkcn.exchange.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On H2, lets every connection plan its cached statements again once H2 has re-analysed a table.
 *
 * <p>Why: H2 keeps a cached statement's plan until the schema changes ({@link H2UrlSettings}). Plans made
 * while the tables were nearly empty stayed as they grew: the engine's lookup of an execution's variables kept
 * reading every variable without a task through the task index, and an acknowledgement step cost 2.6 times its
 * CPU (README "Performance"). H2 re-analyses a table after 2,000, 4,000, 8,000 … changes to it and stores each
 * column's selectivity; when those changed, any {@code SET} makes every connection drop its cached statements
 * (a {@code SET SCHEMA} to the schema in use changes nothing else). So plans follow the data at the pace it
 * grows, and a settled database is not re-planned at all.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
class H2PlanRenewal {

    private static final Logger log = LoggerFactory.getLogger(H2PlanRenewal.class);
    private static final String SELECTIVITIES = "select selectivity from information_schema.columns"
            + " where table_schema = current_schema order by table_name, ordinal_position";

    private final DataSource dataSource;
    private List<Integer> plannedWith = List.of();

    H2PlanRenewal(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelayString = "${exchange.h2.plan-check:PT5S}", initialDelayString = "${exchange.h2.plan-check:PT5S}")
    void renewPlansOnNewStatistics() {
        try {
            if (renewIfReanalysed()) {
                log.debug("H2 has re-analysed tables: cached statements are planned again");
            }
        } catch (SQLException e) {
            log.warn("Could not check H2's table statistics: {}", e.getMessage());
        }
    }

    /** Renews the cached plans when the statistics changed since the last look (or at the first); says whether. */
    synchronized boolean renewIfReanalysed() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<Integer> selectivities = selectivities(statement);
            if (selectivities.equals(plannedWith)) {
                return false;
            }
            String schema = connection.getSchema();
            statement.execute("set schema \"" + schema.replace("\"", "\"\"") + "\"");
            plannedWith = selectivities;
            return true;
        }
    }

    private static List<Integer> selectivities(Statement statement) throws SQLException {
        List<Integer> selectivities = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(SELECTIVITIES)) {
            while (rows.next()) {
                selectivities.add(rows.getInt(1));
            }
        }
        return selectivities;
    }
}
