package io.athanor.orm.internal.meta;

import java.util.List;
import java.util.Optional;

/**
 * A table: an entity's, or the link table of a many-to-many relationship.
 *
 * @param schema      its schema (empty for the connection's default)
 * @param name        its name
 * @param columns     its columns, in DDL order
 * @param primaryKey  the primary key columns
 * @param foreignKeys its foreign keys
 * @param indexes     its unique constraints and indexes
 */
public record TableModel(String schema, String name, List<ColumnModel> columns, List<String> primaryKey,
                         List<ForeignKeyModel> foreignKeys, List<IndexModel> indexes) {

    /** {@code schema.name}, or just the name; for messages and lookups (unquoted). */
    public String fullName() {
        return schema.isEmpty() ? name : schema + "." + name;
    }

    /** The column called {@code name}. */
    public Optional<ColumnModel> column(String name) {
        for (ColumnModel c : columns) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
