package io.athanor.orm.internal.meta;

import io.athanor.orm.error.AthanorException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Everything known about one mapped class, frozen at start-up. */
public final class EntityModel {
    private final Class<?> type;
    private final String name;
    private final TableModel table;
    private final List<PropertyModel> properties;
    private final List<PropertyModel> idProperties;
    private final PropertyModel version;
    private final List<RelationshipModel> relationships;
    private final Map<String, PropertyModel> byPath;
    private final Map<String, RelationshipModel> byName;
    private final Supplier<Object> constructor;
    private final List<ColumnModel> rowColumns;
    private final String viewQuery;
    private final PropertyAssigner assigner;

    EntityModel(Class<?> type, String name, TableModel table, List<PropertyModel> properties,
                List<RelationshipModel> relationships, Supplier<Object> constructor, String viewQuery) {
        this.viewQuery = viewQuery;
        this.type = type;
        this.name = name;
        this.table = table;
        this.properties = List.copyOf(properties);
        this.idProperties = properties.stream().filter(PropertyModel::id).collect(java.util.stream.Collectors.toUnmodifiableList());
        this.version = properties.stream().filter(PropertyModel::version).findFirst().orElse(null);
        this.relationships = List.copyOf(relationships);
        Map<String, PropertyModel> paths = new java.util.LinkedHashMap<>();
        properties.forEach(p -> paths.put(p.path(), p));
        this.byPath = java.util.Collections.unmodifiableMap(paths);
        Map<String, RelationshipModel> names = new java.util.LinkedHashMap<>();
        relationships.forEach(r -> names.put(r.name(), r));
        this.byName = java.util.Collections.unmodifiableMap(names);
        this.constructor = constructor;
        List<ColumnModel> row = new java.util.ArrayList<>();
        properties.forEach(p -> row.add(p.column()));
        for (ColumnModel c : table.columns()) {
            if (row.stream().noneMatch(x -> x.name().equals(c.name()))) {
                row.add(c);
            }
        }
        this.rowColumns = List.copyOf(row);
        this.assigner = new PropertyAssigner(this.properties);
    }

    /** Writes row values into instances, building embedded records once per row. */
    public PropertyAssigner assigner() {
        return assigner;
    }

    public Class<?> type() {
        return type;
    }

    /** The entity name ({@code @Entity(name)} or the simple class name). */
    public String name() {
        return name;
    }

    public TableModel table() {
        return table;
    }

    /** Column-backed fields, in declaration order (embedded fields flattened). */
    public List<PropertyModel> properties() {
        return properties;
    }

    public List<PropertyModel> idProperties() {
        return idProperties;
    }

    /** The {@code @Version} field, or {@code null}. */
    public PropertyModel version() {
        return version;
    }

    public List<RelationshipModel> relationships() {
        return relationships;
    }

    /**
     * The column-backed field at {@code path}.
     *
     * @throws AthanorException naming the mapped fields if there is none
     */
    public PropertyModel property(String path) {
        PropertyModel p = byPath.get(path);
        if (p == null) {
            throw new AthanorException(name + " has no mapped field '" + path + "'; its fields are " + byPath.keySet() + ".");
        }
        return p;
    }

    /**
     * Every column an entity row is read from and written to, in a fixed order: the columns of
     * {@link #properties()} in their order, then the foreign key columns no field maps (those of
     * owning to-one relationships).
     */
    public List<ColumnModel> rowColumns() {
        return rowColumns;
    }

    /** Whether this entity is a materialized view (read and refreshed, never written). */
    public boolean isView() {
        return viewQuery != null;
    }

    /** A view's defining query from its annotation; empty when it is given in code; {@code null} for a table. */
    public String viewQuery() {
        return viewQuery;
    }

    /** The relationship called {@code name}, or {@code null}. */
    public RelationshipModel relationship(String name) {
        return byName.get(name);
    }

    /** A new, empty instance (through the no-argument constructor). */
    public Object newInstance() {
        return constructor.get();
    }

    @Override
    public String toString() {
        return name + " -> " + table.fullName();
    }
}
