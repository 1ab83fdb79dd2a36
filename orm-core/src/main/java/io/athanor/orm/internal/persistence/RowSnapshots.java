package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import java.util.List;

/** Reads one row's column values, as a snapshot, without making an instance of it. */
public final class RowSnapshots {
    private RowSnapshots() {
    }

    /** The columns of {@code plan}'s row with single-column key {@code id}, in snapshot order; {@code null} when there is none. */
    public static Object[] read(Connection connection, WritePlan plan, Object id) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < plan.columns.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(plan.columns.get(i).quoted);
        }
        WritePlan.Column key = plan.columns.get(plan.idColumns[0]);
        sql.append(" FROM ").append(plan.readFrom).append(" WHERE ").append(key.quoted).append(" = ?");
        return connection.query(sql.toString(), List.of(id), ps -> key.model.type().bind(ps, 1, id), rs -> {
            if (!rs.next()) {
                return null;
            }
            Object[] row = new Object[plan.columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = plan.columns.get(i).model.type().read(rs, i + 1);
            }
            return row;
        });
    }
}
