package io.athanor.orm.internal.meta;

import java.util.function.Supplier;

/** A field of an embedded value: reads through the holder's field; writing creates the value if absent. */
final class NestedAccessor implements Accessor {
    private final Accessor outer;
    private final Supplier<Object> newValue;
    private final Accessor inner;

    NestedAccessor(Accessor outer, Supplier<Object> newValue, Accessor inner) {
        this.outer = outer;
        this.newValue = newValue;
        this.inner = inner;
    }

    @Override
    public Object get(Object entity) {
        Object value = outer.get(entity);
        return value == null ? null : inner.get(value);
    }

    @Override
    public void set(Object entity, Object v) {
        Object value = outer.get(entity);
        if (value == null) {
            if (v == null) {
                return;
            }
            value = newValue.get();
            outer.set(entity, value);
        }
        inner.set(value, v);
    }

    @Override
    public String toString() {
        return outer + "." + inner;
    }
}
