package io.athanor.orm.internal.types;

import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.dialect.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A field stored through an {@link AttributeConverter}. */
final class Converted implements ColumnType {
    private final AttributeConverter<Object, Object> converter;
    private final ColumnType database;

    Converted(AttributeConverter<Object, Object> converter, ColumnType database) {
        this.converter = converter;
        this.database = database;
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
}
