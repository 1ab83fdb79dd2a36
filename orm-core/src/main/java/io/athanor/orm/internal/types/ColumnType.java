package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.internal.state.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How one Java type travels to and from one column on one dialect. Immutable, shared by all rows. */
public interface ColumnType {

    /** The column's database type (before the dialect names it). */
    SqlType sqlType();

    /** Binds {@code value} (of the field's type, possibly null). */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException;

    /** Reads the column as the field's type; {@code null} for SQL NULL. */
    Object read(ResultSet rs, int index) throws SQLException;

    /**
     * {@code value} (of the field's type, not null) as the column takes it, for paths that write text
     * rather than bind (COPY, arrays): a converter's output, an enum's name or position; the value itself
     * for other types.
     */
    default Object toDatabase(Object value) {
        return value;
    }

    /** Whether values go through an {@code AttributeConverter} (so their text form is not the Java value's). */
    default boolean converted() {
        return false;
    }

    /**
     * {@code value} (of the field's type, possibly null) as a snapshot keeps it: a copy that later changes made in
     * place to {@code value} (an element set in a list or array, a property of a JSON object) do not reach, so that
     * flush sees them; the value itself for immutable values.
     */
    default Object snapshot(Object value) {
        return value;
    }

    /** Whether values can change in place, so {@link #snapshot} copies them (loaders copy only those columns). */
    default boolean mutable() {
        return false;
    }

    /**
     * The primitive type ({@code long.class} or {@code int.class}) whose {@code ResultSet} getter ({@code getLong},
     * {@code getInt}) reads this column exactly as {@link #read} does, NULL aside (the getter gives 0 and
     * {@link ResultSet#wasNull} tells), so that a value bound for a primitive parameter need not be boxed; null for
     * every other column type.
     */
    default Class<?> primitive() {
        return null;
    }

    /** Whether a field value and a snapshot value are the same column value (see {@link Values#same}). */
    default boolean same(Object value, Object snapshot) {
        return Values.same(value, snapshot);
    }
}
