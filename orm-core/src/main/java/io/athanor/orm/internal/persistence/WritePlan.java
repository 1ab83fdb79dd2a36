package io.athanor.orm.internal.persistence;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.meta.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one entity's row is written: each column of {@link EntityModel#rowColumns()} with where its
 * value comes from (a field, or the key of a related entity), and the table's qualified name. Built
 * once per entity and shared.
 */
public final class WritePlan {
    public final EntityModel model;
    public final String table;
    /** What to read this entity's rows from by key: {@link #table}, or for a joined entity its derived table, aliased. */
    public final String readFrom;
    /**
     * For an entity of a joined hierarchy, the tables its row is written to (the root's first); {@code null} when
     * the row is in {@link #table} alone.
     */
    public final Part[] parts;
    public final List<Column> columns;
    /** {@link #columns} as an array, for the comparison a flush makes per held instance. */
    private final Column[] columnArray;
    public final int[] idColumns;
    public final int versionColumn;
    /** The columns the database sets at every update ({@code @Generated(ALWAYS)}), read back after each UPDATE. */
    public final int[] generatedAlways;
    /** Whether a foreign key of this table refers to the table itself, so rows of one flush may depend on each other. */
    public final boolean selfReferencing;
    /**
     * The link-table columns that refer to this entity's key and whose rows a flush deletes itself before the
     * entity's row (those of many-to-many sides not mapped {@code passiveDeletes}), in a fixed order.
     */
    public final List<LinkColumn> links;
    /**
     * The columns of to-ones whose other side is a collection, joined by one column to the parent's key: those whose
     * change moves a loaded child between its parents' collections at flush.
     */
    public final int[] parentLinks;
    /**
     * Whether a column of {@link #parentLinks} is shared with a key field, whose value the comparison reads when
     * the to-one is null: an unchanged comparison then does not show a to-one set to null since it was held.
     */
    public final boolean parentLinksShared;
    /**
     * The {@link EntityEntry#toOnesSet} bits of the to-ones of {@link #parentLinks} that share their column with a
     * key field: an instance that compared unchanged can have moved between parents only when one of them is set.
     */
    private final long sharedParentLinkBits;
    /** The relationships that cascade PERSIST: what a flush follows from each held instance to find new ones. */
    public final RelationshipModel[] persistCascades;
    /**
     * The owning to-ones whose other side is a collection: a new instance joins the loaded collection of the
     * parent it refers to at flush.
     */
    public final RelationshipModel[] parentCollections;
    /** The generated comparison of an instance with its snapshot, or {@code null} for the general one. */
    private final SnapshotComparator comparator;
    /** The UPDATE statements of {@link #table} per set of changed columns (for an entity whose row is in one table). */
    final UpdateStatements updates;

    public WritePlan(EntityModel model, Metadata metadata) {
        this.model = model;
        Dialect d = metadata.dialect();
        this.table = d.qualify(model.table().schema(), model.table().name());
        List<Column> cols = new ArrayList<>();
        List<PropertyModel> properties = model.properties();
        int version = -1;
        List<Integer> ids = new ArrayList<>();
        for (ColumnModel c : model.rowColumns()) {
            PropertyModel property = null;
            for (PropertyModel p : properties) {
                if (p.column().name().equals(c.name())) {
                    property = p;
                }
            }
            RelationshipModel relation = null;
            PropertyModel referenced = null;
            for (RelationshipModel r : model.relationships()) {
                if (r.owning() && !r.toMany() && r.joinColumns().contains(c.name())) {
                    relation = r;
                    EntityModel target = metadata.entity(r.target());
                    for (PropertyModel p : target.properties()) {
                        if (p.column().name().equals(r.referencedColumns().get(0))) {
                            referenced = p;
                        }
                    }
                }
            }
            if (property != null && property.id()) {
                ids.add(cols.size());
            }
            if (property != null && property.version()) {
                version = cols.size();
            }
            Object fixed = model.inheritance() != null && c.name().equals(model.inheritance().discriminator().name())
                    ? model.inheritance().value() : null;
            cols.add(new Column(c, d.quote(c.name()), property, relation, referenced,
                    relation == null ? -1 : model.relationships().indexOf(relation), fixed));
        }
        this.columns = List.copyOf(cols);
        this.columnArray = cols.toArray(new Column[0]);
        this.idColumns = ids.stream().mapToInt(Integer::intValue).toArray();
        this.versionColumn = version;
        this.generatedAlways = java.util.stream.IntStream.range(0, cols.size())
                .filter(i -> cols.get(i).model.generatedAlways() && cols.get(i).property != null).toArray();
        this.selfReferencing = cols.stream().anyMatch(c -> c.relation != null
                && metadata.entity(c.relation.target()).rootType() == model.rootType());
        this.links = linksTo(model, metadata);
        this.parentLinks = java.util.stream.IntStream.range(0, cols.size()).filter(i -> {
            Column c = cols.get(i);
            RelationshipModel r = c.relation;
            return r != null && r.inverse() != null && r.inverse().toMany() && r.joinColumns().size() == 1
                    && c.referencedKey != null && c.referencedKey.id();
        }).toArray();
        this.parentLinksShared = java.util.Arrays.stream(parentLinks).anyMatch(i -> cols.get(i).property != null);
        long shared = 0;
        for (int i : parentLinks) {
            if (cols.get(i).property != null) {
                shared |= cols.get(i).relationBit;
            }
        }
        this.sharedParentLinkBits = shared;
        this.persistCascades = model.relationships().stream()
                .filter(r -> r.cascade().contains(io.athanor.orm.annotations.CascadeType.PERSIST))
                .toArray(RelationshipModel[]::new);
        this.parentCollections = model.relationships().stream()
                .filter(r -> r.owning() && !r.toMany() && r.inverse() != null && r.inverse().toMany())
                .toArray(RelationshipModel[]::new);
        io.athanor.orm.internal.meta.JoinedModel joined = model.joined();
        if (joined == null) {
            this.parts = null;
            this.readFrom = table;
        } else {
            this.parts = new Part[joined.parts().size()];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new Part(joined.parts().get(p), p == 0, idColumns, cols.size(), d, versionColumn);
            }
            this.readFrom = joined.from() + " athanor_r";
        }
        this.updates = new UpdateStatements(table, null, versionColumn);
        this.comparator = SnapshotComparators.generate(this);
    }

    /** The identity-map key of the row {@code row} (in column order) on {@code shard}: keyed by the hierarchy's root. */
    public io.athanor.orm.internal.state.EntityKey keyOf(Object[] row, String shard) {
        if (idColumns.length == 1) {
            return new io.athanor.orm.internal.state.EntityKey(model.rootType(), row[idColumns[0]], shard);
        }
        Object[] parts = new Object[idColumns.length];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = row[idColumns[k]];
        }
        return new io.athanor.orm.internal.state.EntityKey(model.rootType(), java.util.Arrays.asList(parts), shard);
    }

    /** One table of a joined entity's row: its name, key columns, and which of the row's columns it holds. */
    public static final class Part {
        public final String table;
        public final boolean root;
        /** The key columns' quoted names, in the order of the entity's id columns. */
        public final String[] keyQuoted;
        /** Per row column: whether this table holds it (for the root's table, its id columns too). */
        public final boolean[] holds;
        /** This table's UPDATE statements: the version is checked and moved on in the root's table only. */
        final UpdateStatements updates;

        Part(io.athanor.orm.internal.meta.JoinedModel.Part part, boolean root, int[] idColumns, int width, Dialect d,
             int versionColumn) {
            this.table = d.qualify(part.table().schema(), part.table().name());
            this.root = root;
            this.keyQuoted = part.keyColumns().stream().map(d::quote).toArray(String[]::new);
            this.updates = new UpdateStatements(table, root ? null : keyQuoted, root ? versionColumn : -1);
            this.holds = new boolean[width];
            for (int c : part.columns()) {
                holds[c] = true;
            }
            if (root) {
                for (int c : idColumns) {
                    holds[c] = true;
                }
            }
        }

        /** {@code flags} (a character per row column) with {@code '0'} for the columns this table does not hold. */
        public String mask(String flags) {
            char[] out = flags.toCharArray();
            for (int i = 0; i < out.length; i++) {
                if (!holds[i]) {
                    out[i] = '0';
                }
            }
            return new String(out);
        }
    }

    private static List<LinkColumn> linksTo(EntityModel model, Metadata metadata) {
        List<LinkColumn> links = new ArrayList<>();
        for (EntityModel owner : metadata.entities()) {
            for (RelationshipModel r : owner.relationships()) {
                if (r.kind() != RelationshipModel.Kind.MANY_TO_MANY || !r.owning() || r.joinTable() == null || r.viewOnly()) {
                    continue;
                }
                if (r.owner() == model.type() && !r.passiveDeletes()) {
                    links.add(new LinkColumn(r, r.joinTable().columns().get(0), metadata.dialect()));
                }
                // a collection of a superclass may hold this entity's rows too (a Tag's List<Doc> holds Invoices)
                if (r.target().isAssignableFrom(model.type()) && (r.inverse() == null || !r.inverse().passiveDeletes())) {
                    links.add(new LinkColumn(r, r.joinTable().columns().get(1), metadata.dialect()));
                }
            }
        }
        links.sort(java.util.Comparator.comparing(l -> l.delete));
        // the subclasses of an owner each map its inherited collections: one DELETE per link table and column
        java.util.Set<String> seen = new java.util.HashSet<>();
        links.removeIf(l -> !seen.add(l.delete));
        return List.copyOf(links);
    }

    /** A column of a many-to-many link table that refers to an entity's key, with the DELETE of the rows that hold a key. */
    public static final class LinkColumn {
        public final RelationshipModel relationship;
        public final ColumnModel column;
        /** {@code DELETE FROM link WHERE column = ?}. */
        public final String delete;

        LinkColumn(RelationshipModel relationship, ColumnModel column, Dialect d) {
            this.relationship = relationship;
            this.column = column;
            TableModel link = relationship.joinTable();
            this.delete = "DELETE FROM " + d.qualify(link.schema(), link.name()) + " WHERE " + d.quote(column.name()) + " = ?";
        }
    }

    /**
     * The column values of {@code entry}'s instance now. A null to-one whose relationship never held a
     * parent (one never set up, as in a stream) keeps {@code previous}'s key; one that held a parent and
     * was cleared gives NULL. Notes in the entry each to-one that holds a parent.
     */
    public Object[] values(EntityEntry entry, Object[] previous) {
        Object[] v = new Object[columns.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = columns.get(i).value(entry, previous == null ? null : previous[i]);
        }
        return v;
    }

    /**
     * {@code values} (in column order) as a snapshot keeps them: values that can change in place (lists, arrays,
     * JSON values) copied, so that later changes to the instance's fields do not reach the snapshot.
     */
    public Object[] snapshotOf(Object[] values) {
        Object[] s = new Object[values.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = columns.get(i).model.type().snapshot(values[i]);
        }
        return s;
    }

    /**
     * Whether {@code entry}'s instance now holds a column value other than its snapshot's (as
     * {@link #values} reads them, compared by each column's type); stops at the
     * first difference and allocates nothing for reference-typed fields. A reference to a parent that has no key
     * yet (inserted by the same flush) counts as a difference: the column gets the key once the parent is written.
     */
    public boolean differs(EntityEntry entry) {
        SnapshotComparator generated = comparator;
        if (generated != null) {
            return generated.differs(entry.instance, entry.snapshot, entry);
        }
        for (int i = 0; i < columnArray.length; i++) {
            if (columnDiffers(i, entry)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a to-one of {@link #parentLinks} sharing its column with a key field has held a parent in {@code entry}:
     * only then can an instance that compared unchanged have been moved to no parent (one test per instance, decided
     * by bits worked out once).
     */
    public boolean heldSharedParentLink(EntityEntry entry) {
        return (entry.toOnesSet & sharedParentLinkBits) != 0;
    }

    /** Whether to-one column {@code i} (of {@link #columns}) has held a parent in {@code entry}. */
    public boolean heldToOne(int i, EntityEntry entry) {
        return (entry.toOnesSet & columnArray[i].relationBit) != 0;
    }

    /** How many UPDATE statements (sets of changed columns) the plan keeps for its table (for tests and diagnostics). */
    public int updateStatementsKept() {
        return updates.size();
    }

    /** Whether the plan compares instances with a generated class (for tests and diagnostics). */
    public boolean generatedComparison() {
        return comparator != null;
    }

    /** {@link #differs} for column {@code i} alone, the general way: the value as {@link #values} reads it, by the column's type. */
    boolean columnDiffers(int i, EntityEntry entry) {
        Column c = columnArray[i];
        if (!c.mapped()) {
            return false;
        }
        Object was = entry.snapshot[i];
        Object now = c.value(entry, was);
        if (!c.model.type().same(now, was)) {
            return true;
        }
        // a parent inserted by this flush: its key, and so this column, comes with it
        return now == null && c.relation != null && c.relation.accessor().get(entry.instance) != null;
    }

    /** One column and the source of its value. */
    public static final class Column {
        public final ColumnModel model;
        public final String quoted;
        public final PropertyModel property;
        public final RelationshipModel relation;
        public final PropertyModel referencedKey;
        /** The relationship's bit in {@link EntityEntry#toOnesSet}; 0 past the 64th relationship (never "cleared"). */
        private final long relationBit;

        /**
         * The value of a column no field or relationship of this entity maps: the discriminator's value, or
         * {@code null} for a column of another entity of the same single-table hierarchy.
         */
        private final Object fixed;

        Column(ColumnModel model, String quoted, PropertyModel property, RelationshipModel relation, PropertyModel referencedKey,
               int relationIndex, Object fixed) {
            this.fixed = fixed;
            this.model = model;
            this.quoted = quoted;
            this.property = property;
            this.relation = relation;
            this.referencedKey = referencedKey;
            this.relationBit = relationIndex >= 0 && relationIndex < Long.SIZE ? 1L << relationIndex : 0L;
        }

        /**
         * Whether a field or a relationship of the entity gives this column's value. The others (the discriminator,
         * the columns of other classes of the hierarchy) never change: a reference of a superclass whose row is a
         * subclass's holds the row's values for them in its snapshot, and an update must leave them as they are.
         */
        public boolean mapped() {
            return property != null || relation != null;
        }

        Object value(EntityEntry entry, Object previous) {
            Object instance = entry.instance;
            if (relation != null) {
                Object parent = relation.accessor().get(instance);
                if (parent != null) {
                    entry.toOnesSet |= relationBit;
                    return referencedKey.accessor().get(parent);
                }
                if (property != null) {
                    return property.accessor().get(instance);
                }
                return (entry.toOnesSet & relationBit) != 0 ? null : previous;
            }
            return property == null ? fixed : property.accessor().get(instance);
        }
    }
}
