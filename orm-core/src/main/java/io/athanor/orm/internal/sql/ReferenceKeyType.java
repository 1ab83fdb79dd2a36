package io.athanor.orm.internal.sql;

import io.athanor.orm.dialect.SqlType;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.types.ColumnType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Binds a value compared with (or written to) a to-one relationship: the related entity's key, or the key itself. */
final class ReferenceKeyType implements ColumnType {
    private final EntityModel target;
    private final PropertyModel key;

    ReferenceKeyType(EntityModel target, PropertyModel key) {
        this.target = target;
        this.key = key;
    }

    @Override
    public SqlType sqlType() {
        return key.column().type().sqlType();
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        Object k = value;
        if (value != null && target.type().isInstance(value)) {
            k = key.accessor().get(value);
            if (k == null) {
                throw new AthanorException("The " + target.name() + " given has no " + key.path() + " yet, so it cannot be "
                        + "compared or referenced in SQL; save it first (flush) so that it gets one.");
            }
        } else if (value != null && !key.javaType().isInstance(value)) {
            throw new AthanorException("The value " + value + " (" + value.getClass().getName() + ") cannot stand for a "
                    + target.name() + ": give a " + target.name() + " or its " + key.path() + " (" + key.javaType().getSimpleName()
                    + ").");
        }
        key.column().type().bind(ps, index, k);
    }

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        return key.column().type().read(rs, index);
    }
}
