package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.PreparedWork;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** Opens the engine's value binding and reading to {@link PreparedWork}. */
public final class JdbcAccess {
    private JdbcAccess() {
    }

    public static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        JdbcValues.bind(ps, index, value);
    }

    public static PreparedWork.ColumnReader[] readers(ResultSetMetaData md) throws SQLException {
        return JdbcValues.readers(md);
    }
}
