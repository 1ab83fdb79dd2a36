package io.athanor.orm.internal.meta;

import java.util.List;

/**
 * Makes a new instance of one entity and writes a row's values into its fields, as a class generated per entity
 * ({@link InstanceFillers}): {@code new} and {@code putfield} where {@link PropertyAssigner} calls a method handle per
 * field. It gives each field what {@link PropertyAssigner#assign} gives a new instance: a value as read, a NULL only
 * where the column takes one (a primitive field then fails as {@link FieldAccessor#set} does). A value of another type
 * than its field's throws {@link ClassCastException}: the caller then assigns the row the general way, which names the
 * field. Public only so that classes generated into the entity's package can extend it. Immutable once bound; shared
 * by every session of a factory.
 */
public abstract class InstanceFiller {
    private List<PropertyModel> properties;

    /** For generated subclasses. */
    protected InstanceFiller() {
    }

    final void bind(List<PropertyModel> properties) {
        this.properties = properties;
    }

    /** A new instance, made by the entity's no-argument constructor. */
    public abstract Object create();

    /**
     * Writes into {@code instance}, just made by {@link #create}, property {@code i}'s value from
     * {@code values[model.propertyColumns()[i]]}: every non-null value, and a null where the column is nullable.
     */
    public abstract void fill(Object instance, Object[] values);

    /** A NULL for primitive property {@code property}: the general write, which throws the error that names the field. */
    public final void nullIntoPrimitive(Object instance, int property) {
        properties.get(property).accessor().set(instance, null);
    }
}
