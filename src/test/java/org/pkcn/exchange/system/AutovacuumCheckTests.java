package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The start-up warning says what the database server says: on PostgreSQL whether autovacuum is off, on H2 nothing. */
@Tag(ExchangeTest.POSTGRES_ONLY)
class AutovacuumCheckTests {

    @Test
    void onPostgres_theWarningAppearsExactlyWhenTheServerRunsWithoutAutovacuum() throws Exception {
        PostgresServer server = PostgresServer.ofTestRun();
        Assumptions.assumeTrue(server != null, "needs the PostgreSQL test run (-Dtest.datasource.url=jdbc:postgresql:...)");
        DataSource postgres = new SimpleDriverDataSource(new org.postgresql.Driver(),
                PostgresServer.testRunUrl(), server.username(), server.password());
        boolean off;
        try (Connection connection = postgres.getConnection();
                ResultSet setting = connection.createStatement().executeQuery("show autovacuum")) {
            setting.next();
            off = "off".equals(setting.getString(1));
        }

        Optional<String> warning = AutovacuumCheck.warningFor(postgres);

        assertThat(warning.isPresent()).as("a warning, with autovacuum %s", off ? "off" : "on").isEqualTo(off);
        warning.ifPresent(text -> assertThat(text).contains("autovacuum off", "docs/postgres.md"));
    }

    @Test
    void onH2_thereIsNothingToSay() {
        DataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:autovacuum-check", "sa", "");
        assertThat(AutovacuumCheck.warningFor(h2)).isEmpty();
    }
}
