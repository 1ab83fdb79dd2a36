package io.athanor.orm.engine;

import io.athanor.orm.engine.internal.JdbcAccess;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Callbacks for statements that a layer above the engine has compiled itself (the ORM's queries and
 * flushes): it binds its own parameters and reads its own rows, while the engine still fires events,
 * echoes and translates errors. Implementations are usually lambdas.
 */
public final class PreparedWork {
    private PreparedWork() {
    }

    /**
     * Binds {@code value} the way {@link Connection#execute(Text, java.util.Map)} does: by its Java class,
     * {@code java.time} values as such, enums by name, {@code null} as an untyped NULL.
     */
    public static void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
        JdbcAccess.bind(ps, index, value);
    }

    /**
     * Readers for the columns of a result, chosen once from its metadata, that read values the way
     * {@link Row} holds them (SQL dates and times as {@code java.time} values).
     */
    public static ColumnReader[] columnReaders(ResultSetMetaData metadata) throws SQLException {
        return JdbcAccess.readers(metadata);
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    public interface ColumnReader {
        /** The value of column {@code index} (1-based) of the current row. */
        Object read(ResultSet rs, int index) throws SQLException;
    }

    /** Binds the parameters of one execution. */
    @FunctionalInterface
    public interface Binder {
        /** Binds the parameters to {@code ps}. */
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads a query's rows. */
    @FunctionalInterface
    public interface Reader<T> {
        /** Reads every row it needs from {@code rs}; the engine closes it afterwards. */
        T read(ResultSet rs) throws SQLException;
    }
}
