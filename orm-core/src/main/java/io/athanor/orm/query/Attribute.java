package io.athanor.orm.query;

import java.util.Objects;

/**
 * A mapped field of an entity, as a typed handle for queries: {@code User_.name} is an
 * {@code Attribute<User, String>}. The generated metamodel classes ({@code User_}, {@code Order_})
 * hold one per field, so a misspelt field is a compile error rather than a runtime one.
 *
 * <p>An attribute names its field by a path: the field name, or {@code field.subfield} for a field of
 * an embedded value. It is resolved against a session factory's mapping when a query is compiled.
 *
 * <p>Immutable and thread-safe; equal when entity type and path are equal.
 *
 * @param <E> the entity type
 * @param <T> the field's Java type (boxed for primitives)
 */
public class Attribute<E, T> extends Expression<T> {
    private final Class<E> entityType;
    private final String path;
    private final Class<T> javaType;

    /**
     * Creates a handle; the generated metamodel calls this.
     *
     * @param entityType the entity that declares the field
     * @param path       the field name, or {@code embeddedField.field}
     * @param javaType   the field's type, boxed for primitives
     */
    public Attribute(Class<E> entityType, String path, Class<T> javaType) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.path = Objects.requireNonNull(path, "path");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
    }

    /** The entity that declares the field. */
    public final Class<E> entityType() {
        return entityType;
    }

    /** The field's path: its name, or {@code embeddedField.field}. */
    public final String path() {
        return path;
    }

    /** The field's Java type (boxed for primitives; the element type for collections). */
    @Override
    public final Class<T> javaType() {
        return javaType;
    }

    @Override
    public final Attribute<?, ?> attribute() {
        return this;
    }

    /** Renders the field's column, in the FROM item of its entity. */
    @Override
    public void render(SqlBuilder b) {
        b.column(entityType, this);
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Attribute)) {
            return false;
        }
        Attribute<?, ?> other = (Attribute<?, ?>) o;
        return entityType == other.entityType && path.equals(other.path);
    }

    @Override
    public final int hashCode() {
        return entityType.hashCode() * 31 + path.hashCode();
    }

    /** {@code Entity.path}, e.g. {@code User.name}. */
    @Override
    public String toString() {
        return entityType.getSimpleName() + "." + path;
    }
}
