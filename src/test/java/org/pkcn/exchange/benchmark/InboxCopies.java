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

/**
 * Fills the reviewer's inbox in minutes rather than the hour the API takes at 30-40 submissions/s: copies
 * the rows of the proposals submitted through the API and now waiting for STZA's review, so that every
 * query sees the row shapes, variables, identity links, grants and review spaces of real submissions.
 * Only what the inbox queries read is copied: the waiting tasks with their identity links, grants and
 * task-local variables, and the registry's proposals with their status history. Each copy's engine ids end
 * in {@code ~n}, and its registry ids are offset by n * {@value #ID_OFFSET}, far beyond the sequences.
 */
final class InboxCopies {

    static final long ID_OFFSET = 10_000_000L;
    private static final String ORIGINAL = "not like '%~%'";
    private static final String WAITING_TASKS = "select id_ from act_ru_task where task_def_key_ = 'Task_ReviewProposal'"
            + " and assignee_ is null and id_ " + ORIGINAL;

    /** Per table: the rows to copy, and how each rewritten column changes ("~" + n for ids, + offset for numbers). */
    private record Copy(String table, String where, Map<String, Boolean> rewritten) {
    }

    /** Each table before those whose foreign keys point at it. */
    private static final List<Copy> COPIES = List.of(
            new Copy("proposal", "id < " + ID_OFFSET, Map.of("id", false, "reference", true)),
            new Copy("status_change", "proposal_id < " + ID_OFFSET, Map.of("id", false, "proposal_id", false)),
            new Copy("act_ru_task", "id_ in (" + WAITING_TASKS + ")", Map.of("id_", true)),
            new Copy("act_ru_identitylink", "task_id_ in (" + WAITING_TASKS + ")",
                    Map.of("id_", true, "task_id_", true)),
            new Copy("act_ru_authorization", "resource_type_ = 7 and resource_id_ in (" + WAITING_TASKS + ")",
                    Map.of("id_", true, "resource_id_", true)),
            new Copy("act_ru_variable", "task_id_ in (" + WAITING_TASKS + ")",
                    Map.of("id_", true, "task_id_", true, "var_scope_", true)));

    /** Adds {@code copies} copies of each waiting task and of each proposal; returns the seconds it took. */
    static double multiply(String url, String user, String password, int copies) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            for (int n = 1; n <= copies; n++) {
                for (Copy copy : COPIES) {
                    insertCopy(connection, copy, n);
                }
                connection.commit();
            }
        }
        return (System.nanoTime() - start) / 1e9;
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

    /** The column as it is, or its n-th copy: an id with "~n" appended, a number offset by n * ID_OFFSET. */
    private static String copied(String column, Boolean isId, int n) {
        if (isId == null) {
            return column;
        }
        return isId ? "concat(" + column + ", '~" + n + "')" : column + " + " + n * ID_OFFSET;
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
