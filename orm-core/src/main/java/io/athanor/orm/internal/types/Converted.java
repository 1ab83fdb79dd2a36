package io.athanor.orm.internal.types;

import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.dialect.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A field stored through an {@link AttributeConverter}, of a type known never to change in place
 * ({@link ImmutableTypes}): its snapshot holds the value itself, compared by {@code equals}. Other types get
 * {@link InPlace}. Immutable.
 */
class Converted implements ColumnType {
    final AttributeConverter<Object, Object> converter;
    final ColumnType database;

    Converted(AttributeConverter<Object, Object> converter, ColumnType database) {
        this.converter = converter;
        this.database = database;
    }

    /** The converter's output for {@code value}, as the column holds it; {@code null} for null. */
    final Object stored(Object value) {
        return value == null ? null : converter.toDatabase(value);
    }

    @Override
    public boolean converted() {
        return true;
    }

    @Override
    public SqlType sqlType() {
        return database.sqlType();
    }

    @Override
    public Object toDatabase(Object value) {
        Object stored = converter.toDatabase(value);
        return stored == null ? null : database.toDatabase(stored);
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        database.bind(ps, index, value == null ? null : converter.toDatabase(value));
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        Object stored = database.read(rs, index);
        return stored == null ? null : converter.fromDatabase(stored);
    }

    /**
     * A converted field whose value can change without a new one being assigned (an element added to a list, a
     * {@code Date}'s time set, a field of an application class): its snapshot is a copy made by converting the value
     * to the column's form and back (the stored form copied first where it can change, a {@code byte[]}), and it is
     * compared by what the converter stores, so a class without {@code equals} is not taken for a change and a value
     * the converter stores as NULL equals a NULL snapshot.
     */
    static final class InPlace extends Converted {
        InPlace(AttributeConverter<Object, Object> converter, ColumnType database) {
            super(converter, database);
        }

        @Override
        public boolean mutable() {
            return true;
        }

        @Override
        public Object snapshot(Object value) {
            Object stored = stored(value);
            return stored == null ? null : converter.fromDatabase(database.snapshot(stored));
        }

        @Override
        public boolean same(Object value, Object snapshot) {
            return value == snapshot || database.same(stored(value), stored(snapshot));
        }
    }
}
