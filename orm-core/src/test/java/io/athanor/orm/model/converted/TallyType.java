package io.athanor.orm.model.converted;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.types.ValueType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Stores a {@link Tally} as a number in text; declares {@link #copy}, as a type of mutable values must. */
public final class TallyType implements ValueType<Tally> {
    @Override
    public String sqlType(Dialect dialect) {
        return "varchar(20)";
    }

    @Override
    public void bind(PreparedStatement ps, int index, Tally value, Dialect dialect) throws SQLException {
        ps.setString(index, Integer.toString(value.count));
    }

    @Override
    public Tally read(ResultSet rs, int index, Dialect dialect) throws SQLException {
        String s = rs.getString(index);
        return s == null ? null : new Tally(Integer.parseInt(s));
    }

    @Override
    public Tally copy(Tally value) {
        return new Tally(value.count);
    }
}
