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
    private final int[] propertyColumns;
    private final InheritanceModel inheritance;
    /** Worked out on first use: see {@link #writesTracked()}. */
    private volatile Boolean writesTracked;
    private volatile String idGetter;
    private final EntityCallbacks callbacks;
    private final PropertyAssigner assigner;
    /** The generated {@link InstanceFiller}, {@link #NO_FILLER} where there is none; made on first use. */
    private volatile Object filler;
    private static final Object NO_FILLER = new Object();
    /** What loading works out once about this entity's rows; see {@link #rowLayout}. */
    private volatile Object rowLayout;

    EntityModel(Class<?> type, String name, TableModel table, List<PropertyModel> properties,
                List<RelationshipModel> relationships, Supplier<Object> constructor, String viewQuery) {
        this(type, name, table, properties, relationships, constructor, viewQuery, null, null, EntityCallbacks.NONE);
    }

    EntityModel(Class<?> type, String name, TableModel table, List<PropertyModel> properties,
                List<RelationshipModel> relationships, Supplier<Object> constructor, String viewQuery,
                List<ColumnModel> layout, InheritanceModel inheritance, EntityCallbacks callbacks) {
        this.inheritance = inheritance;
        this.viewQuery = viewQuery;
        this.callbacks = callbacks;
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
        this.rowColumns = layout != null ? List.copyOf(layout) : layout(properties, table);
        this.assigner = new PropertyAssigner(this.properties);
        this.propertyColumns = new int[this.properties.size()];
        for (int i = 0; i < propertyColumns.length; i++) {
            String column = this.properties.get(i).column().name();
            for (int k = 0; k < rowColumns.size(); k++) {
                if (rowColumns.get(k).name().equals(column)) {
                    propertyColumns[i] = k;
                }
            }
        }
    }

    /** The row columns of an entity with {@code properties} in {@code table}: theirs in order, then the table's others. */
    static List<ColumnModel> layout(List<PropertyModel> properties, TableModel table) {
        List<ColumnModel> row = new java.util.ArrayList<>();
        properties.forEach(p -> row.add(p.column()));
        for (ColumnModel c : table.columns()) {
            if (row.stream().noneMatch(x -> x.name().equals(c.name()))) {
                row.add(c);
            }
        }
        return List.copyOf(row);
    }

    /**
     * Where each of {@link #properties()} sits in {@link #rowColumns()}: {@code i} for an entity of its own, the
     * position in the hierarchy's shared layout for one of a single-table hierarchy. Do not modify.
     */
    public int[] propertyColumns() {
        return propertyColumns;
    }

    /** Where the entity sits in a single-table hierarchy, or {@code null} when it is in none. */
    public InheritanceModel inheritance() {
        return inheritance;
    }

    /** How the entity's rows spread over the tables of its joined hierarchy, or {@code null} when they are in one table. */
    public JoinedModel joined() {
        return inheritance == null ? null : inheritance.joined();
    }

    /**
     * What a query reads the entity's rows from: its qualified table, or for an entity of a joined hierarchy the
     * derived table that joins the hierarchy's tables (which then needs an alias).
     */
    public String fromItem(io.athanor.orm.dialect.Dialect dialect) {
        JoinedModel j = joined();
        return j != null ? j.from() : dialect.qualify(table.schema(), table.name());
    }

    /** The class the identity map keys instances by: the hierarchy's root, or the entity itself. */
    public Class<?> rootType() {
        return inheritance == null ? type : inheritance.root();
    }

    /**
     * Whether the class reports every write that can change its row (an enhanced class of immutable columns and
     * to-one references of its own), so a flush compares its instances only once they report one.
     */
    public boolean writesTracked() {
        Boolean t = writesTracked;
        if (t == null) {
            t = WriteTracking.tracked(this);
            writesTracked = t;
        }
        return t;
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

    /** The JavaBeans getter name of the (first) id field, which a lazy reference answers without loading. */
    public String idGetterName() {
        String name = idGetter;
        if (name == null) {
            String path = idProperties.get(0).path();
            name = "get" + Character.toUpperCase(path.charAt(0)) + path.substring(1);
            idGetter = name;
        }
        return name;
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
     * owning to-one relationships). Every entity of a single-table hierarchy has the root's layout (the root's
     * properties, then the subclasses' columns and the discriminator), so see {@link #propertyColumns()}.
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

    /** Its lifecycle callbacks and timestamps (an object that does nothing when it has none). */
    public EntityCallbacks callbacks() {
        return callbacks;
    }

    /** A new, empty instance (through the no-argument constructor). */
    public Object newInstance() {
        InstanceFiller f = filler();
        return f != null ? f.create() : constructor.get();
    }

    /**
     * The class generated to make and fill this entity's instances as rows are loaded, or {@code null} where none can
     * be (they load through {@link #assigner()}); generated on first use.
     */
    public InstanceFiller filler() {
        Object f = filler;
        if (f == null) {
            f = InstanceFillers.generate(this); // two threads may both generate one: either serves
            if (f == null) {
                f = NO_FILLER;
            }
            filler = f;
        }
        return f == NO_FILLER ? null : (InstanceFiller) f;
    }

    /**
     * What loading works out once about this entity's rows, made by {@code make} on first use and kept here, so that a
     * query finds it without a look-up shared by every thread. Two threads may both make one: either serves. One
     * owner only ({@code io.athanor.orm.internal.load.RowLayout}, which lives in the package that reads rows): every
     * caller must pass the same maker, since the first one's result is what all later callers get.
     */
    public Object rowLayout(java.util.function.Function<EntityModel, Object> make) {
        Object l = rowLayout;
        if (l == null) {
            l = make.apply(this);
            rowLayout = l;
        }
        return l;
    }

    @Override
    public String toString() {
        return name + " -> " + table.fullName();
    }
}
