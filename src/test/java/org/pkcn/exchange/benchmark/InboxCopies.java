package org.pkcn.exchange.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills the reviewer's inbox in minutes rather than the hour the API takes at 30-40 submissions/s: copies
 * each proposal submitted through the API and now waiting for STZA's review, whole, so that every query sees
 * the tables a deadline night leaves: per waiting proposal its four executions (the proposal, the call of the
 * review, the review, its task's scope), its variables, its task with identity links, grant and task-local
 * variables, its two timers (the review's reminder and due date: what the job executor's acquisition reads
 * past) and its withdrawal subscription, and in the registry the proposal with its status history. Not the
 * engine's history, which only the process's own rows are read from by id. Each copy's engine ids end in
 * {@code ~n}, its business key and reference too, and its registry ids are offset by n * {@value #ID_OFFSET},
 * far beyond the sequences. The copies' timers are due in days, so nothing runs them during a benchmark.
 */
final class InboxCopies {

    static final long ID_OFFSET = 10_000_000L;
    /**
     * Each round of copies goes in slices of the waiting proposals (by the first digit of their review's id), each
     * slice its own transaction, to keep transactions small: H2 holds a transaction's changes in memory.
     */
    private static final List<String> SLICES = List.of("'0','1','2','3'", "'4','5','6','7'", "'8','9','a','b'",
            "'c','d','e','f'");

    /**
     * The originals, noted once before the first round in tables of their own (dropped at the end): each round then
     * finds the rows to copy by index, where searching the growing tables for them again made each round dearer than
     * the one before (H2: 8.3 ms per copied proposal, 808 s for 97,000 in 20 rounds; noted: 3.9 ms, 393 s for 100,000
     * in 72). The waiting tasks, their reviews' process instances, and the proposals' instances that called those
     * reviews, each with its slice.
     */
    private static final List<String> NOTE_ORIGINALS = List.of(
            "create table bench_copy_task (id_ varchar(64) primary key, slice_ varchar(1))",
            "insert into bench_copy_task select id_, substring(proc_inst_id_, 1, 1) from act_ru_task"
                    + " where task_def_key_ = 'Task_ReviewProposal' and assignee_ is null",
            "create table bench_copy_review (id_ varchar(64) primary key, slice_ varchar(1))",
            "insert into bench_copy_review select distinct proc_inst_id_, slice_ from act_ru_task t"
                    + " join bench_copy_task c on c.id_ = t.id_",
            "create table bench_copy_proposal (id_ varchar(64) primary key, slice_ varchar(1))",
            "insert into bench_copy_proposal select distinct caller.proc_inst_id_, r.slice_ from bench_copy_review r"
                    + " join act_ru_execution review on review.id_ = r.id_"
                    + " join act_ru_execution caller on caller.id_ = review.super_exec_");
    private static final List<String> NOTES = List.of("bench_copy_task", "bench_copy_review", "bench_copy_proposal");

    /** Per table: the rows to copy, and how each rewritten column changes ("~" + n for ids, + offset for numbers). */
    private record Copy(String table, String where, Map<String, Boolean> rewritten) {
    }

    private static final List<Copy> REGISTRY = List.of(
            new Copy("proposal", "id < " + ID_OFFSET, Map.of("id", false, "reference", true)),
            new Copy("status_change", "proposal_id < " + ID_OFFSET, Map.of("id", false, "proposal_id", false)));

    private static final Map<String, Boolean> EXECUTION_IDS = Map.of("id_", true, "root_proc_inst_id_", true,
            "proc_inst_id_", true, "parent_id_", true, "super_exec_", true, "business_key_", true);

    /**
     * The engine's rows of one slice of the waiting proposals, each table before those whose foreign keys point at
     * it; the executions from the root down (H2 checks a row's foreign keys as it inserts it): the proposal's
     * instance, its call of the review (a child), the review's instance (called from that child), the review task's
     * scope (a child). Not by ROOT_PROC_INST_ID_: the engine leaves it empty on some of them.
     */
    private static List<Copy> engineRows(String slice) {
        Function<String, String> noted = table -> "select id_ from " + table + " where slice_ in (" + slice + ")";
        String tasks = noted.apply("bench_copy_task");
        String reviews = noted.apply("bench_copy_review");
        String proposals = noted.apply("bench_copy_proposal");
        List<Copy> rows = new ArrayList<>();
        for (String instances : List.of(proposals, reviews)) {
            rows.add(new Copy("act_ru_execution", "id_ in (" + instances + ")", EXECUTION_IDS));
            rows.add(new Copy("act_ru_execution", "id_ <> proc_inst_id_ and proc_inst_id_ in (" + instances + ")",
                    EXECUTION_IDS));
        }
        rows.add(new Copy("act_ru_task", "id_ in (" + tasks + ")",
                Map.of("id_", true, "execution_id_", true, "proc_inst_id_", true)));
        rows.add(new Copy("act_ru_identitylink", "task_id_ in (" + tasks + ")", Map.of("id_", true, "task_id_", true)));
        rows.add(new Copy("act_ru_authorization", "resource_type_ = 7 and resource_id_ in (" + tasks + ")",
                Map.of("id_", true, "resource_id_", true)));
        // One copy per kind of instance rather than "in proposals or in reviews", which no index answers.
        for (String instances : List.of(proposals, reviews)) {
            rows.add(new Copy("act_ru_variable", "proc_inst_id_ in (" + instances + ")", Map.of("id_", true,
                    "execution_id_", true, "proc_inst_id_", true, "task_id_", true, "var_scope_", true)));
            rows.add(new Copy("act_ru_job", "type_ = 'timer' and process_instance_id_ in (" + instances + ")",
                    Map.of("id_", true, "execution_id_", true, "process_instance_id_", true,
                            "root_proc_inst_id_", true)));
            rows.add(new Copy("act_ru_event_subscr", "proc_inst_id_ in (" + instances + ")",
                    Map.of("id_", true, "execution_id_", true, "proc_inst_id_", true)));
        }
        return rows;
    }

    /** Adds {@code copies} copies of each waiting proposal; returns the seconds it took. */
    static double multiply(String url, String user, String password, int copies) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : NOTE_ORIGINALS) {
                statement.execute(sql);
            }
            connection.setAutoCommit(false);
            for (int n = 1; n <= copies; n++) {
                insertAndCommit(connection, REGISTRY, n);
                for (String slice : SLICES) {
                    insertAndCommit(connection, engineRows(slice), n);
                }
            }
            connection.setAutoCommit(true);
            for (String table : NOTES) {
                statement.execute("drop table " + table);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void insertAndCommit(Connection connection, List<Copy> copies, int n) throws Exception {
        for (Copy copy : copies) {
            insertCopy(connection, copy, n);
        }
        connection.commit();
    }

    private static void insertCopy(Connection connection, Copy copy, int n) throws Exception {
        List<String> columns = columnsOf(connection, copy.table());
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(copied(column, copy.rewritten().get(column), n));
        }
        String sql = "insert into " + copy.table() + " (" + String.join(", ", columns) + ") select "
                + String.join(", ", values) + " from " + copy.table() + " where " + copy.where();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    /**
     * The column as it is, or its n-th copy: an id with "~n" appended (null stays null: a process instance has no
     * parent), a number offset by n * ID_OFFSET.
     */
    private static String copied(String column, Boolean isId, int n) {
        if (isId == null) {
            return column;
        }
        return isId ? column + " || '~" + n + "'" : column + " + " + n * ID_OFFSET;
    }

    private static List<String> columnsOf(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return columns;
        }
    }

    private InboxCopies() {
    }
}
