package io.athanor.orm.types;

import io.athanor.orm.dialect.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How values of one Java type travel to and from a column: the column's type in DDL, how a value is bound
 * and read, and its text form. Register an implementation once with
 * {@link TypeRegistry#register(Class, ValueType)}; every field of that Java type is then mapped through it,
 * in inserts, updates, query parameters and results.
 *
 * <pre>{@code
 * final class MoneyType implements ValueType<Money> {
 *     public String sqlType(Dialect dialect) { return "varchar(40)"; }
 *     public void bind(PreparedStatement ps, int i, Money v, Dialect d) throws SQLException { ps.setString(i, v.toString()); }
 *     public Money read(ResultSet rs, int i, Dialect d) throws SQLException {
 *         String s = rs.getString(i);
 *         return s == null ? null : Money.parse(s);
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe: one instance serves every row of every session.
 * Exceptions they throw reach the caller of the statement (wrapped as Athanor's database errors where they
 * are {@link SQLException}s).
 *
 * @param <J> the Java type
 */
public interface ValueType<J> {

    /** The column's type as written in DDL on {@code dialect} ({@code numeric(19,4)}, {@code jsonb}, ...). */
    String sqlType(Dialect dialect);

    /** Binds {@code value}, never {@code null}, as parameter {@code index}. */
    void bind(PreparedStatement ps, int index, J value, Dialect dialect) throws SQLException;

    /**
     * Binds SQL NULL as parameter {@code index}. The default sends {@link Types#OTHER} where the dialect binds
     * text for a column of {@link #sqlType} untyped (PostgreSQL, for anything but its text types, so the server
     * takes the column's own type) and {@link Types#VARCHAR} otherwise.
     */
    default void bindNull(PreparedStatement ps, int index, Dialect dialect) throws SQLException {
        ps.setNull(index, dialect.bindsTextAsUntyped(sqlType(dialect)) ? Types.OTHER : Types.VARCHAR);
    }

    /** Reads column {@code index} of the current row; {@code null} for SQL NULL. */
    J read(ResultSet rs, int index, Dialect dialect) throws SQLException;

    /**
     * {@code value}, never {@code null}, in the database's text input form: used where values are sent as
     * text rather than bound (PostgreSQL {@code COPY}) and in logs. The default is {@code value.toString()}.
     */
    default String text(J value) {
        return value.toString();
    }

    /**
     * A copy of {@code value} (never {@code null}) that changes made in place to {@code value} later do not reach,
     * for a type whose values can change without a new one being assigned. A session keeps the copy as the value it
     * last read or wrote and compares the field with it by {@code equals}, so such a change is written; override
     * it (and {@code equals}) for a mutable type. The default returns {@code value} itself, right for an immutable
     * type: then only a new value assigned to the field counts as a change.
     */
    default J copy(J value) {
        return value;
    }
}
