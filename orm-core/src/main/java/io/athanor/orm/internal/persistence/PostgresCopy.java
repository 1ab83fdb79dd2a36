package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.types.PostgresText;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Bulk inserts through PostgreSQL's COPY, rows written as CSV. Loaded only when COPY is asked for. */
final class PostgresCopy {
    /** Rows per write to the server: one COPY statement streams all of them. */
    private static final int CHUNK = 1_000;

    private PostgresCopy() {
    }

    static long insert(Connection connection, EntityModel model, String table, io.athanor.orm.dialect.Dialect dialect,
                       List<BulkField> props, List<List<Object>> rows) {
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (");
        for (int i = 0; i < props.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(dialect.quote(props.get(i).column.name()));
        }
        sql.append(") FROM STDIN (FORMAT csv)");
        String statement = sql.toString();
        return connection.runJdbc(statement, jdbc -> copy(jdbc, statement, model, props, rows), n -> n);
    }

    /** Streams the rows through the driver's COPY API; the engine reports it as one statement. */
    private static long copy(java.sql.Connection jdbc, String sql, EntityModel model, List<BulkField> props,
                             List<List<Object>> rows) throws SQLException {
        org.postgresql.copy.CopyIn in = null;
        try {
            CopyManager copy = jdbc.unwrap(PGConnection.class).getCopyAPI();
            in = copy.copyIn(sql);
            StringBuilder csv = new StringBuilder(64 * Math.min(rows.size(), CHUNK));
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int i = 0; i < props.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    append(csv, row.get(i), props.get(i), model);
                }
                csv.append('\n');
                if ((r + 1) % CHUNK == 0 || r == rows.size() - 1) {
                    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    csv.setLength(0);
                }
            }
            long total = in.endCopy();
            in = null;
            return total;
        } finally {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException suppressed) {
                    // the COPY failed already; its error is the one thrown
                }
            }
        }
    }

    /**
     * One CSV field: empty for NULL, otherwise the value's PostgreSQL text (as the driver would send it bound),
     * quoted (numbers and booleans need not be), so that an empty string stays an empty string and no character of
     * it is special.
     */
    private static void append(StringBuilder csv, Object v, BulkField p, EntityModel model) {
        if (v == null) {
            return;
        }
        Object stored = p.column.type().toDatabase(v);
        if (stored == null) {
            return;
        }
        String text;
        try {
            text = PostgresText.of(stored);
        } catch (IllegalArgumentException e) {
            throw new AthanorException("COPY cannot write " + model.name() + "." + p.name + " (stored as a "
                    + stored.getClass().getName() + "); use BulkMode.BATCH for this entity.");
        }
        if (stored instanceof Number || stored instanceof Boolean) {
            csv.append(text); // digits, sign, point, exponent, t/f: nothing CSV would read otherwise
        } else if (text.indexOf('"') < 0) {
            csv.append('"').append(text).append('"');
        } else {
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
    }
}
