package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Sends one statement's parameter sets as JDBC batches of at most a given number of rows, in order, on one
 * connection (so in one transaction): the session's {@code batchSize}. Each batch is one statement for the
 * engine's events.
 */
public final class Batches {
    private Batches() {
    }

    /** Reads the generated keys of rows {@code from} to {@code from + count - 1} from one batch's result set. */
    @FunctionalInterface
    public interface KeyReader {
        void read(ResultSet rs, int from, int count) throws SQLException;
    }

    /**
     * Runs {@code sql} once per parameter set, {@code size} rows per batch ({@code size <= 0}: all in one).
     * {@code binder} is given the row's index among all of {@code parameterSets}.
     *
     * @return the rows changed by each execution, the batches' counts one after the other
     */
    public static long[] run(Connection connection, int size, String sql, List<List<Object>> parameterSets,
                             Connection.BatchBinder binder, String[] keyColumns, KeyReader keys) {
        int rows = parameterSets.size();
        if (size <= 0 || rows <= size) {
            return connection.batch(sql, parameterSets, binder, keyColumns, keys == null ? null : rs -> {
                keys.read(rs, 0, rows);
                return null;
            });
        }
        long[] counts = new long[rows];
        int filled = 0;
        for (int from = 0; from < rows; from += size) {
            int start = from;
            int count = Math.min(size, rows - from);
            long[] part = connection.batch(sql, parameterSets.subList(from, from + count), (ps, r) -> binder.bind(ps, start + r),
                    keyColumns, keys == null ? null : rs -> {
                        keys.read(rs, start, count);
                        return null;
                    });
            if (filled + part.length > counts.length) {
                counts = Arrays.copyOf(counts, filled + part.length + rows - from);
            }
            System.arraycopy(part, 0, counts, filled, part.length);
            filled += part.length;
        }
        return filled == counts.length ? counts : Arrays.copyOf(counts, filled);
    }
}
