package org.pkcn.exchange.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pkcn.exchange.ExchangeTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * On two empty PostgreSQL databases, the engine's schema as the postgres profile builds it (Camunda's
 * baseline and upgrade scripts through Flyway) and as the engine builds it itself for its version (its
 * create scripts) are the same: tables, columns, indexes, constraints and the engine's property rows; the
 * migrated one has our own index in addition.
 * A bare engine starts on each, so it also accepts the migrated one without creating anything.
 */
@Tag(ExchangeTest.POSTGRES_ONLY)
class EngineSchemaOnPostgresTests {

    private static PostgresServer server;
    private static String migrated;
    private static String createdByEngine;

    @BeforeAll
    static void buildTheSchemaBothWays() {
        server = PostgresServer.ofTestRun();
        Assumptions.assumeTrue(server != null, "needs the PostgreSQL test run (-Dtest.datasource.url=jdbc:postgresql:...)");
        String run = PostgresServer.databaseOf(PostgresServer.testRunUrl());
        migrated = run + "_engine_migrated";
        createdByEngine = run + "_engine_created";
        server.recreate(migrated);
        server.recreate(createdByEngine);

        EngineSchemaMigration.migrate(dataSource(migrated));
        startAndStopAnEngine(migrated, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        startAndStopAnEngine(createdByEngine, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    }

    /** A bare engine: on "true" it creates its schema; on "false" it only checks the one it finds. */
    private static void startAndStopAnEngine(String database, String schemaUpdate) {
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("schema-check-" + database)
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcUrl(server.urlOf(database))
                .setJdbcUsername(server.username())
                .setJdbcPassword(server.password())
                .setDatabaseSchemaUpdate(schemaUpdate)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        engine.close();
    }

    @AfterAll
    static void dropBoth() {
        if (server != null) {
            server.drop(migrated);
            server.drop(createdByEngine);
        }
    }

    @Test
    void sameTablesAndColumns() {
        assertSame("""
                select table_name || '.' || column_name || ' ' || data_type
                       || coalesce('(' || character_maximum_length || ')', '')
                       || coalesce(' p' || numeric_precision || ',' || numeric_scale, '')
                       || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-')
                from information_schema.columns
                where table_schema = 'public' and table_name like 'act\\_%'""");
    }

    @Test
    void sameIndexes_plusOurIndexesOfTasksByDueDateByReviewQueueAndByParent_andOfJobsByDueDate() {
        String indexes = "select indexdef from pg_indexes where schemaname = 'public' and tablename like 'act\\_%'";
        assertThat(rows(migrated, indexes)).containsExactlyInAnyOrderElementsOf(concat(rows(createdByEngine, indexes),
                "CREATE INDEX act_idx_task_due_date ON public.act_ru_task USING btree (due_date_)",
                "CREATE INDEX act_idx_task_review_queue ON public.act_ru_task USING btree (tenant_id_, task_def_key_, id_)"
                        + " INCLUDE (proc_def_id_, case_execution_id_)",
                "CREATE INDEX act_idx_job_duedate ON public.act_ru_job USING btree (duedate_)",
                "CREATE INDEX act_idx_task_parent ON public.act_ru_task USING btree (parent_task_id_)"));
    }

    @Test
    void theTaskTable_isVacuumedAfterFewChanges_soTheReviewQueueIsCountedFromItsIndex() {
        assertThat(rows(migrated, "select unnest(reloptions) from pg_class where relname = 'act_ru_task'"))
                .containsExactlyInAnyOrder("autovacuum_vacuum_scale_factor=0.02",
                        "autovacuum_vacuum_insert_scale_factor=0.01");
    }

    @Test
    void sameConstraints() {
        assertSame("""
                select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                from pg_constraint
                where connamespace = 'public'::regnamespace and conrelid::regclass::text like 'act\\_%'""");
    }

    @Test
    void sameEngineProperties_butTheRetiredTelemetryLock() {
        // The 7.16.0 baseline inserts "telemetry.lock"; telemetry left the engine later, its create script
        // dropped the row, the upgrade scripts keep it: every database upgraded the supported way has it.
        String properties = "select name_ from act_ge_property";
        assertThat(rows(migrated, properties)).containsExactlyInAnyOrderElementsOf(
                concat(rows(createdByEngine, properties), "telemetry.lock"));
    }

    @Test
    void bothEndAtTheEnginesVersion() {
        String latest = "select version_ from act_ge_schema_log order by cast(id_ as integer) desc limit 1";
        assertThat(rows(createdByEngine, latest)).containsExactly(ProductPropertiesUtil.getProductVersion());
        assertThat(rows(migrated, latest)).containsExactly(ProductPropertiesUtil.getProductVersion());
    }

    @Test
    void theMigrationIsRecordedInItsOwnHistoryTable() {
        assertThat(rows(migrated, "select version from " + EngineSchemaMigration.HISTORY_TABLE
                + " where success order by installed_rank")).startsWith("7.16.0.1")
                .contains(ProductPropertiesUtil.getProductVersion().replaceAll("\\.\\d+$", ".0"))
                .endsWith("7.24.0.103"); // our own indexes, after the release they index
    }

    private static void assertSame(String query) {
        List<String> expected = rows(createdByEngine, query);
        assertThat(expected).as("rows of the engine's own schema").isNotEmpty();
        assertThat(rows(migrated, query)).as(query).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> concat(List<String> rows, String... more) {
        return Stream.concat(rows.stream(), Stream.of(more)).toList();
    }

    private static List<String> rows(String database, String query) {
        return new JdbcTemplate(dataSource(database)).queryForList(query, String.class);
    }

    private static DataSource dataSource(String database) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.urlOf(database), server.username(),
                server.password());
    }
}
