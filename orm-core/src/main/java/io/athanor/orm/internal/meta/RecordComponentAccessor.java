package io.athanor.orm.internal.meta;

import java.util.Objects;

/**
 * One component of an embedded record. A record cannot be changed, so writing a component builds a new
 * record from the current one's components with that one replaced, and stores it in the holder; a record
 * whose components all become {@code null} is stored as {@code null}. Immutable and thread-safe.
 */
final class RecordComponentAccessor implements Accessor {
    private final Accessor holder;
    private final RecordShape shape;
    private final int index;

    RecordComponentAccessor(Accessor holder, RecordShape shape, int index) {
        this.holder = holder;
        this.shape = shape;
        this.index = index;
    }

    @Override
    public Object get(Object entity) {
        Object record = holder.get(entity);
        return record == null ? null : shape.read(record, index);
    }

    @Override
    public void set(Object entity, Object value) {
        Object record = holder.get(entity);
        if (record == null && value == null) {
            return;
        }
        Object[] values = shape.values(record);
        if (record != null && Objects.equals(values[index], value)) {
            return;
        }
        values[index] = value;
        holder.set(entity, shape.build(values));
    }

    Accessor holder() {
        return holder;
    }

    RecordShape shape() {
        return shape;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return holder + "." + shape.components()[index].getName();
    }
}
