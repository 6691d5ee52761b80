package org.pkcn.exchange.system;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * When the engine is told not to touch its own schema ({@code camunda.bpm.database.schema-update=false},
 * the postgres profile), this brings the schema to the engine's version before the engine starts: Camunda's
 * own versioned scripts, copied unchanged into {@value #LOCATION}{vendor}, applied by a second Flyway with
 * its own history table {@value #HISTORY_TABLE}; then our own additions (indexes for the Tasklist's
 * queries) from {@value #TUNING_LOCATION}{vendor}, versioned just after the release they index. Flyway's
 * lock makes concurrent starts of several nodes safe, and a failed upgrade script rolls back (PostgreSQL
 * has transactional DDL). Why not the engine's own schema update: docs/postgres.md.
 *
 * <p>It runs after the application's own Flyway ({@link DependsOnDatabaseInitialization}), so it always finds
 * the schema in use and starts its history at the empty baseline "0", below every script.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.database.schema-update", havingValue = "false")
@DependsOnDatabaseInitialization
class EngineSchemaMigration extends AbstractProcessEnginePlugin {

    static final String LOCATION = "classpath:db/camunda/";
    /** Our own additions to the engine's schema (indexes), versioned after the Camunda release they follow. */
    static final String TUNING_LOCATION = "classpath:db/camunda-tuning/";
    static final String HISTORY_TABLE = "flyway_camunda_history";

    private final DataSource dataSource;

    EngineSchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** preInit: before the engine reads anything from its tables. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        migrate(dataSource);
    }

    static void migrate(DataSource dataSource) {
        String vendor = camundaNameOf(productNameOf(dataSource));
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION + vendor, TUNING_LOCATION + vendor)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                // Camunda's scripts are run as shipped; nothing in them is a Flyway placeholder.
                .placeholderReplacement(false)
                .load()
                .migrate();
    }

    /** The database's name in Camunda's script names; only PostgreSQL's scripts are carried. */
    static String camundaNameOf(String productName) {
        if ("PostgreSQL".equals(productName)) {
            return "postgres";
        }
        throw new IllegalStateException("camunda.bpm.database.schema-update=false asks this application to migrate "
                + "the engine's schema, and it carries Camunda's scripts for PostgreSQL only, not for " + productName
                + ". On this database let the engine create its schema: camunda.bpm.database.schema-update=true");
    }

    private static String productNameOf(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the engine's schema is in", e);
        }
    }
}
