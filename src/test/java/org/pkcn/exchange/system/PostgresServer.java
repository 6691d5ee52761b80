package org.pkcn.exchange.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server behind a test run's JDBC URL, reached through its maintenance database
 * {@code postgres} to create the databases the tests use. Only plain names ({@code [a-z0-9_]+}) are
 * accepted, since they end up in DDL.
 */
public record PostgresServer(String hostAndPort, String username, String password) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)(\\?.*)?");
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_]+");

    /** The server of the PostgreSQL test run, from the system properties the build sets; null on H2. */
    public static PostgresServer ofTestRun() {
        String url = testRunUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return null;
        }
        return new PostgresServer(part(url, 1), System.getProperty("test.datasource.username", "postgres"),
                System.getProperty("test.datasource.password", ""));
    }

    public static String testRunUrl() {
        return System.getProperty("test.datasource.url");
    }

    /** The name of the database a JDBC URL points at. */
    public static String databaseOf(String jdbcUrl) {
        return part(jdbcUrl, 2);
    }

    public String urlOf(String database) {
        return "jdbc:postgresql://" + hostAndPort + "/" + plain(database);
    }

    public void createIfMissing(String database) {
        try (Connection connection = maintenance();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, plain(database));
            if (!exists.executeQuery().next()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + plain(database));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " on " + hostAndPort
                    + " (start PostgreSQL, or skip this run with -DskipPostgresTests)", e);
        }
    }

    /** Drops and creates: a database as empty as a new installation's. */
    public void recreate(String database) {
        try (Connection connection = maintenance(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + plain(database) + " with (force)");
            statement.execute("create database " + plain(database));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate the test database " + database + " on " + hostAndPort, e);
        }
    }

    public void drop(String database) {
        try (Connection connection = maintenance(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + plain(database) + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the test database " + database + " on " + hostAndPort, e);
        }
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(urlOf("postgres"), username, password);
    }

    private static String plain(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return name;
    }

    private static String part(String jdbcUrl, int group) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host:port/database URL: " + jdbcUrl);
        }
        return matcher.group(group);
    }
}
