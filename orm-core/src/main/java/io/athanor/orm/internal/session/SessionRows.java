package io.athanor.orm.internal.session;

import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.types.ColumnType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Binding a compiled statement's values and reading column rows: the session's JDBC plumbing. */
final class SessionRows {
    private SessionRows() {
    }

    static void bind(PreparedStatement ps, ColumnType[] binders, List<Object> values) throws SQLException {
        for (int i = 0; i < binders.length; i++) {
            if (binders[i] != null) {
                binders[i].bind(ps, i + 1, values.get(i));
            } else {
                PreparedWork.bindValue(ps, i + 1, values.get(i));
            }
        }
    }

    static List<Row> readRows(ResultSet rs, CompiledSelect c) throws SQLException {
        PreparedWork.ColumnReader[] generic = PreparedWork.columnReaders(rs.getMetaData());
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(values(rs, c.readers(), generic));
        }
        return Result.ofRows(c.labels(), rows).rows();
    }

    static Object[] values(ResultSet rs, ColumnType[] readers, PreparedWork.ColumnReader[] generic) throws SQLException {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            row[i] = readers[i] != null ? readers[i].read(rs, i + 1) : generic[i].read(rs, i + 1);
        }
        return row;
    }

    static Row readRow(ResultSet rs, CompiledSelect c, PreparedWork.ColumnReader[] generic) throws SQLException {
        return Result.ofRows(c.labels(), List.<Object[]>of(values(rs, c.readers(), generic))).rows().get(0);
    }
}
