package io.athanor.orm.query;

/** An attribute's column in a particular FROM item (an alias, a Core table). */
final class ColumnRef<T> extends Expression<T> {
    private final Object source;
    private final Attribute<?, T> attribute;

    ColumnRef(Object source, Attribute<?, T> attribute) {
        this.source = source;
        this.attribute = attribute;
    }

    /** The FROM item the column belongs to. */
    Object source() {
        return source;
    }

    @Override
    public Attribute<?, T> attribute() {
        return attribute;
    }

    @Override
    public Class<?> javaType() {
        return attribute.javaType();
    }

    @Override
    public void render(SqlBuilder b) {
        b.column(source, attribute);
    }
}
