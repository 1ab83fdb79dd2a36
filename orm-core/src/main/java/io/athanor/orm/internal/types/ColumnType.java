package io.athanor.orm.internal.types;

import io.athanor.orm.dialect.SqlType;
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
}
