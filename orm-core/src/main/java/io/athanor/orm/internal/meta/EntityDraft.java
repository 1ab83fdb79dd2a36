package io.athanor.orm.internal.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The mutable first phase of an entity's mapping, while annotations are read and relationships resolved. */
final class EntityDraft {
    final Class<?> type;
    final String name;
    final String schema;
    final String table;
    final Supplier<Object> constructor;
    /** For a materialized view: its defining query (possibly empty, when given in code); {@code null} for a table. */
    String viewQuery;
    final List<PropertyModel> properties = new ArrayList<>();
    final List<RelationshipDraft> relationships = new ArrayList<>();
    /** Columns that belong to no field: foreign keys of relationships. */
    final List<ColumnModel> extraColumns = new ArrayList<>();
    final List<ForeignKeyModel> foreignKeys = new ArrayList<>();
    final List<IndexModel> indexes = new ArrayList<>();
    /** The nearest entity superclass (single-table or joined inheritance), or {@code null}. */
    Class<?> entityParent;
    /** Whether the class belongs to a joined-table hierarchy (its root has {@code @Inheritance(strategy = JOINED)}). */
    boolean joined;
    /** A joined subclass's {@code @PrimaryKeyJoinColumn} name, or empty for the root's id column name. */
    String keyColumn = "";
    /** {@code @Inheritance} on this class, or {@code null}. */
    io.athanor.orm.annotations.Inheritance inheritance;
    /** {@code @DiscriminatorColumn} on this class, or {@code null}. */
    io.athanor.orm.annotations.DiscriminatorColumn discriminator;
    /** {@code @DiscriminatorValue} on this class, or {@code null} for the entity name. */
    String discriminatorValue;
    /** Whether the class is abstract (allowed for entities of an inheritance hierarchy, which are never instantiated). */
    boolean isAbstract;
    /** The {@code @CreatedAt} and {@code @UpdatedAt} fields, or {@code null}. */
    PropertyModel createdAt;
    PropertyModel updatedAt;
    /** Which field a column came from, for duplicate-column messages. */
    final List<String[]> columnOrigins = new ArrayList<>();

    EntityDraft(Class<?> type, String name, String schema, String table, Supplier<Object> constructor) {
        this.type = type;
        this.name = name;
        this.schema = schema;
        this.table = table;
        this.constructor = constructor;
    }

    List<PropertyModel> ids() {
        List<PropertyModel> ids = new ArrayList<>();
        for (PropertyModel p : properties) {
            if (p.id()) {
                ids.add(p);
            }
        }
        return ids;
    }

    PropertyModel propertyForColumn(String column) {
        for (PropertyModel p : properties) {
            if (p.column().name().equals(column)) {
                return p;
            }
        }
        return null;
    }

    List<ColumnModel> columns() {
        List<ColumnModel> all = new ArrayList<>();
        for (PropertyModel p : properties) {
            all.add(p.column());
        }
        all.addAll(extraColumns);
        return all;
    }

    String simpleName() {
        return type.getSimpleName();
    }
}
