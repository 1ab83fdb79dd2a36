package io.athanor.orm.internal.persistence;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Bulk inserts through PostgreSQL's COPY, rows written as CSV. Loaded only when COPY is asked for. */
final class PostgresCopy {
    /** Rows per write to the server: one COPY statement streams all of them. */
    private static final int CHUNK = 1_000;

    private PostgresCopy() {
    }

    static long insert(Connection connection, EntityModel model, String table, io.athanor.orm.dialect.Dialect dialect,
                       List<PropertyModel> props, List<? extends Map<String, ?>> rows) {
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (");
        for (int i = 0; i < props.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(dialect.quote(props.get(i).column().name()));
        }
        sql.append(") FROM STDIN (FORMAT csv)");
        String statement = sql.toString();
        return connection.runJdbc(statement, jdbc -> copy(jdbc, statement, model, props, rows), n -> n);
    }

    /** Streams the rows through the driver's COPY API; the engine reports it as one statement. */
    private static long copy(java.sql.Connection jdbc, String sql, EntityModel model, List<PropertyModel> props,
                             List<? extends Map<String, ?>> rows) throws SQLException {
        org.postgresql.copy.CopyIn in = null;
        try {
            CopyManager copy = jdbc.unwrap(PGConnection.class).getCopyAPI();
            in = copy.copyIn(sql);
            StringBuilder csv = new StringBuilder(64 * Math.min(rows.size(), CHUNK));
            for (int r = 0; r < rows.size(); r++) {
                Map<String, ?> row = rows.get(r);
                for (int i = 0; i < props.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    append(csv, row.get(props.get(i).path()), props.get(i), model);
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

    private static void append(StringBuilder csv, Object v, PropertyModel p, EntityModel model) {
        if (v == null) {
            return;
        }
        if (p.column().type().converted()) {
            throw new AthanorException("COPY cannot write " + model.name() + "." + p.path() + ", which is stored through a "
                    + "converter; use BulkMode.BATCH for this entity.");
        }
        SqlType.Kind kind = p.column().type().sqlType().kind();
        if (v instanceof Number || v instanceof java.util.UUID || v instanceof java.time.temporal.Temporal) {
            csv.append(v);
            return;
        }
        String text;
        if (v instanceof byte[]) {
            text = "\\x" + HexFormat.of().formatHex((byte[]) v);
        } else if (v instanceof Enum) {
            text = kind == SqlType.Kind.INTEGER ? Integer.toString(((Enum<?>) v).ordinal()) : ((Enum<?>) v).name();
        } else if (v instanceof Duration) {
            text = Long.toString(((Duration) v).toNanos());
        } else if (v instanceof Boolean) {
            text = (Boolean) v ? "t" : "f";
        } else if (v instanceof String || v instanceof Character || v instanceof Number || v instanceof java.util.UUID
                || v instanceof java.time.temporal.Temporal) {
            text = v.toString();
        } else {
            throw new AthanorException("COPY cannot write " + model.name() + "." + p.path() + " (a " + v.getClass().getName()
                    + "); use BulkMode.BATCH for entities with converted fields.");
        }
        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
