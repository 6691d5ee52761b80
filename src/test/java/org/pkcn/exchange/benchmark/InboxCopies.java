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
import java.util.stream.Stream;

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
    private static final String ORIGINAL = "not like '%~%'";
    /**
     * Each round of copies goes in slices of the waiting proposals (by the first digit of their review's id), each
     * slice its own transaction, to keep transactions small: H2 holds a transaction's changes in memory.
     */
    private static final List<String> SLICES = List.of("'0','1','2','3'", "'4','5','6','7'", "'8','9','a','b'",
            "'c','d','e','f'");

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
        String waitingTasks = "select id_ from act_ru_task where task_def_key_ = 'Task_ReviewProposal'"
                + " and assignee_ is null and id_ " + ORIGINAL + " and substring(proc_inst_id_, 1, 1) in (" + slice + ")";
        List<Copy> inbox = List.of(
                new Copy("act_ru_identitylink", "task_id_ in (" + waitingTasks + ")",
                        Map.of("id_", true, "task_id_", true)),
                new Copy("act_ru_authorization", "resource_type_ = 7 and resource_id_ in (" + waitingTasks + ")",
                        Map.of("id_", true, "resource_id_", true)));
        // The waiting reviews' process instances, and the proposals' instances that called them.
        String reviews = "select proc_inst_id_ from act_ru_task where id_ in (" + waitingTasks + ")";
        String proposals = "select proc_inst_id_ from act_ru_execution where id_ in"
                + " (select super_exec_ from act_ru_execution where id_ in (" + reviews + "))";
        Function<String, String> ofWaiting = instanceColumn -> "(" + instanceColumn + " in (" + proposals + ") or "
                + instanceColumn + " in (" + reviews + "))";
        List<Copy> executionsAndTask = List.of(
                new Copy("act_ru_execution", "id_ in (" + proposals + ")", EXECUTION_IDS),
                new Copy("act_ru_execution", "id_ <> proc_inst_id_ and proc_inst_id_ in (" + proposals + ")",
                        EXECUTION_IDS),
                new Copy("act_ru_execution", "id_ in (" + reviews + ")", EXECUTION_IDS),
                new Copy("act_ru_execution", "id_ <> proc_inst_id_ and proc_inst_id_ in (" + reviews + ")",
                        EXECUTION_IDS),
                new Copy("act_ru_task", "id_ in (" + waitingTasks + ")",
                        Map.of("id_", true, "execution_id_", true, "proc_inst_id_", true)));
        List<Copy> instanceRows = List.of(
                new Copy("act_ru_variable", ofWaiting.apply("proc_inst_id_"), Map.of("id_", true,
                        "execution_id_", true, "proc_inst_id_", true, "task_id_", true, "var_scope_", true)),
                new Copy("act_ru_job", "type_ = 'timer' and " + ofWaiting.apply("process_instance_id_"),
                        Map.of("id_", true, "execution_id_", true, "process_instance_id_", true,
                                "root_proc_inst_id_", true)),
                new Copy("act_ru_event_subscr", ofWaiting.apply("proc_inst_id_"),
                        Map.of("id_", true, "execution_id_", true, "proc_inst_id_", true)));
        return Stream.of(executionsAndTask, inbox, instanceRows).flatMap(List::stream).toList();
    }

    /** Adds {@code copies} copies of each waiting proposal; returns the seconds it took. */
    static double multiply(String url, String user, String password, int copies) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            for (int n = 1; n <= copies; n++) {
                insertAndCommit(connection, REGISTRY, n);
                for (String slice : SLICES) {
                    insertAndCommit(connection, engineRows(slice), n);
                }
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
