package io.athanor.orm.internal.meta;

import io.athanor.orm.internal.types.ColumnType;

/**
 * One column of a table.
 *
 * @param name          the column name (unquoted)
 * @param type          how values travel to and from it
 * @param nullable      whether it accepts NULL
 * @param unique        whether it has a single-column unique constraint
 * @param insertable    whether INSERT writes it
 * @param updatable     whether UPDATE writes it
 * @param serverDefault a DEFAULT expression, or empty
 * @param identity      whether the database generates it on insert
 * @param generated     when the database sets it ({@code @Generated}), so it is read back; {@code null} if never
 */
public record ColumnModel(String name, ColumnType type, boolean nullable, boolean unique, boolean insertable,
                          boolean updatable, String serverDefault, boolean identity,
                          io.athanor.orm.annotations.Generated.Timing generated) {

    /** A column the database does not set. */
    public ColumnModel(String name, ColumnType type, boolean nullable, boolean unique, boolean insertable,
                       boolean updatable, String serverDefault, boolean identity) {
        this(name, type, nullable, unique, insertable, updatable, serverDefault, identity, null);
    }

    /** Whether the database sets this column's value on updates too, so it is read back after each UPDATE. */
    public boolean generatedAlways() {
        return generated == io.athanor.orm.annotations.Generated.Timing.ALWAYS;
    }
}
