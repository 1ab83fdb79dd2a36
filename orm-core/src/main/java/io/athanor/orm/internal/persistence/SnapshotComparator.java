package io.athanor.orm.internal.persistence;

import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.Values;

/**
 * The comparison of one entity's held instance with its snapshot that a flush makes, as a class generated per
 * entity ({@link SnapshotComparators}): fields the generated code can reach are read directly and compared at field
 * speed; every other column goes back to {@link WritePlan#columnDiffers}. Public only so that classes generated
 * into the entity's package can extend it. Immutable once {@link #bind bound}; shared by every session of a factory.
 */
public abstract class SnapshotComparator {
    private WritePlan plan;

    /** For generated subclasses. */
    protected SnapshotComparator() {
    }

    final void bind(WritePlan plan) {
        this.plan = plan;
    }

    /**
     * Whether {@code entry}'s instance ({@code instance}, with snapshot {@code snapshot}) holds a column value other
     * than its snapshot's, with the same answer, in the same column order, as {@link WritePlan#differs} gives.
     */
    public abstract boolean differs(Object instance, Object[] snapshot, EntityEntry entry);

    /** Column {@code column} compared the general way (relationships, embedded values, mutable and custom types). */
    public final boolean columnDiffers(int column, EntityEntry entry) {
        return plan.columnDiffers(column, entry);
    }

    /** {@link Values#same}, for a field that may hold a decimal or a byte array. */
    public static boolean same(Object value, Object snapshot) {
        return Values.same(value, snapshot);
    }
}
