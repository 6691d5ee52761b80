package org.pkcn.exchange.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the PostgreSQL test run connects, makes sure its database exists, so that {@code ./mvnw verify}
 * works on a machine with PostgreSQL and nothing set up. It never drops anything: a fresh database for
 * each run is what .ci/run adds. Registered in META-INF/services; does nothing on the H2 run.
 */
public class PostgresTestDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        PostgresServer server = PostgresServer.ofTestRun();
        if (server != null) {
            server.createIfMissing(PostgresServer.databaseOf(PostgresServer.testRunUrl()));
        }
    }
}
