package io.athanor.orm.internal.meta;

import io.athanor.orm.dialect.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of joined-table hierarchies: each subclass's own table (its key columns, a foreign key from them to
 * the table of the class it extends, and the columns of its own fields), the row layout a hierarchy shares, and
 * each member's {@link JoinedModel}. Used once, while metadata is built, after the roots' tables are made.
 */
final class JoinedHierarchies {
    /** The name of the column that tells a row's class when the hierarchy has no discriminator column. */
    static final String CLASS_COLUMN = "athanor_class";

    private final Hierarchies hierarchies;
    private final Map<Class<?>, EntityDraft> drafts;
    private final Dialect dialect;
    private final List<String> problems;
    /** Every table of a joined hierarchy to the root's table, for the order of writes and DDL. */
    private final Map<String, String> groups = new HashMap<>();

    JoinedHierarchies(Hierarchies hierarchies, Map<Class<?>, EntityDraft> drafts, Dialect dialect, List<String> problems) {
        this.hierarchies = hierarchies;
        this.drafts = drafts;
        this.dialect = dialect;
        this.problems = problems;
    }

    /** Table full name to its hierarchy root's table full name, for the tables of joined subclasses. */
    Map<String, String> groups() {
        return groups;
    }

    /** The members of each joined hierarchy, parents before their subclasses. */
    private List<EntityDraft> ordered(List<EntityDraft> hierarchy) {
        List<EntityDraft> out = new ArrayList<>(hierarchy);
        out.sort(Comparator.comparingInt(this::depth));
        return out;
    }

    private int depth(EntityDraft d) {
        int depth = 0;
        for (EntityDraft c = d; c.entityParent != null; c = drafts.get(c.entityParent)) {
            depth++;
        }
        return depth;
    }

    /** Makes the table of each joined subclass (the roots' are in {@code tables} already) and adds it to both. */
    void makeTables(Map<Class<?>, TableModel> tables, List<TableModel> all) {
        hierarchies.joined().forEach((root, hierarchy) -> {
            TableModel rootTable = tables.get(root.type);
            List<PropertyModel> ids = root.ids();
            Map<String, String> owners = new HashMap<>();
            rootTable.columns().forEach(c -> owners.put(c.name().toLowerCase(Locale.ROOT), root.simpleName()));
            for (EntityDraft d : ordered(hierarchy)) {
                if (d == root) {
                    continue;
                }
                TableModel t = subclassTable(d, root, ids, tables.get(d.entityParent), owners);
                tables.put(d.type, t);
                all.add(t);
                groups.put(t.fullName(), rootTable.fullName());
            }
        });
    }

    private TableModel subclassTable(EntityDraft d, EntityDraft root, List<PropertyModel> ids, TableModel parent,
                                     Map<String, String> owners) {
        if (!d.keyColumn.isEmpty() && ids.size() != 1) {
            problems.add(d.type.getName() + " has @PrimaryKeyJoinColumn(name = \"" + d.keyColumn + "\"), but the id of "
                    + root.simpleName() + " has " + ids.size() + " columns, which keep their names in every table of the "
                    + "hierarchy. Remove @PrimaryKeyJoinColumn.");
        }
        List<ColumnModel> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        for (PropertyModel id : ids) {
            String name = ids.size() == 1 && !d.keyColumn.isEmpty() ? d.keyColumn : id.column().name();
            key.add(name);
            columns.add(new ColumnModel(name, id.column().type(), false, false, true, false, "", false));
        }
        List<String> inherited = new ArrayList<>();
        drafts.get(d.entityParent).columns().forEach(c -> inherited.add(c.name()));
        List<ColumnModel> own = new ArrayList<>();
        for (ColumnModel c : d.columns()) {
            if (inherited.contains(c.name()) || own.stream().anyMatch(o -> o.name().equals(c.name()))) {
                continue;
            }
            if (key.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
                problems.add("Column '" + c.name() + "' of " + d.type.getName() + " has the name of the key column of table "
                        + d.table + ", which holds the id of " + root.simpleName() + ". Give the field another @Column(name), "
                        + "or name the key column otherwise with @PrimaryKeyJoinColumn(name = ...).");
                continue;
            }
            String previous = owners.putIfAbsent(c.name().toLowerCase(Locale.ROOT), d.simpleName());
            if (previous != null) {
                problems.add("Column '" + c.name() + "' of " + d.type.getName() + " (table " + d.table + ") has the name of a "
                        + "column of " + previous + ", another class of the joined hierarchy of " + root.simpleName() + "; "
                        + "a hierarchy's tables are read as one row, so their columns need distinct names. Give one of them "
                        + "another @Column(name).");
                continue;
            }
            own.add(c);
        }
        columns.addAll(own);
        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        foreignKeys.add(new ForeignKeyModel("fk_" + d.table + "_" + parent.name(), List.copyOf(key), parent.schema(),
                parent.name(), parent.primaryKey(), io.athanor.orm.annotations.OnDelete.NO_ACTION));
        for (ForeignKeyModel fk : d.foreignKeys) {
            if (own.stream().map(ColumnModel::name).toList().containsAll(fk.columns())) {
                foreignKeys.add(fk);
            }
        }
        List<IndexModel> indexes = new ArrayList<>();
        for (ColumnModel c : own) {
            if (c.unique()) {
                indexes.add(new IndexModel("uq_" + d.table + "_" + c.name(), List.of(c.name()), true, true));
            }
        }
        for (IndexModel i : d.indexes) {
            for (String col : i.columns()) {
                if (columns.stream().noneMatch(c -> c.name().equals(col))) {
                    problems.add((i.constraint() ? "Unique constraint " : "Index ") + i.name() + " on " + d.type.getName()
                            + " names column '" + col + "', which its table " + d.table + " does not have; its columns are "
                            + columns.stream().map(ColumnModel::name).toList() + " (those of the classes it extends are in "
                            + "their own tables).");
                }
            }
            indexes.add(i);
        }
        return new TableModel(d.schema, d.table, columns, key, foreignKeys, indexes);
    }

    /**
     * Points the foreign keys of {@code all} that refer to a joined subclass's table by the root's id column names at
     * that table's key columns (named otherwise by {@code @PrimaryKeyJoinColumn}); replaces changed tables in both.
     */
    void retargetForeignKeys(Map<Class<?>, TableModel> tables, List<TableModel> all) {
        Map<String, TableModel> subclassTables = new HashMap<>();
        hierarchies.joined().forEach((root, hierarchy) -> {
            for (EntityDraft d : hierarchy) {
                if (d != root && !d.keyColumn.isEmpty()) {
                    subclassTables.put(tables.get(d.type).fullName(), tables.get(d.type));
                }
            }
        });
        if (subclassTables.isEmpty()) {
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            TableModel t = all.get(i);
            List<ForeignKeyModel> fks = new ArrayList<>();
            boolean changed = false;
            for (ForeignKeyModel fk : t.foreignKeys()) {
                String target = fk.referencedSchema().isEmpty() ? fk.referencedTable()
                        : fk.referencedSchema() + "." + fk.referencedTable();
                TableModel sub = subclassTables.get(target);
                if (sub != null && !fk.referencedColumns().equals(sub.primaryKey())) {
                    fk = new ForeignKeyModel(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                            sub.primaryKey(), fk.onDelete());
                    changed = true;
                }
                fks.add(fk);
            }
            if (changed) {
                TableModel replaced = new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), fks, t.indexes());
                all.set(i, replaced);
                tables.replaceAll((type, old) -> old == t ? replaced : old);
            }
        }
    }

    /** The row layout shared by the joined hierarchy of {@code root}: the root table's columns, then each subclass table's. */
    List<ColumnModel> layout(EntityDraft root, Map<Class<?>, TableModel> tables) {
        List<ColumnModel> layout = new ArrayList<>(EntityModel.layout(root.properties, tables.get(root.type)));
        for (EntityDraft d : ordered(hierarchies.joined().get(root))) {
            if (d != root) {
                TableModel t = tables.get(d.type);
                t.columns().stream().filter(c -> !t.primaryKey().contains(c.name())).forEach(layout::add);
            }
        }
        if (root.discriminator == null) {
            layout.add(hierarchies.discriminator(root));
        }
        return List.copyOf(layout);
    }

    /** How {@code d}, a member of the joined hierarchy of {@code root}, is written and read. */
    JoinedModel model(EntityDraft d, EntityDraft root, List<ColumnModel> layout, Map<Class<?>, TableModel> tables) {
        List<EntityDraft> members = ordered(hierarchies.joined().get(root));
        List<EntityDraft> chain = new ArrayList<>();
        for (EntityDraft c = d; c != null; c = c.entityParent == null ? null : drafts.get(c.entityParent)) {
            chain.add(0, c);
        }
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < layout.size(); i++) {
            position.put(layout.get(i).name(), i);
        }
        List<JoinedModel.Part> parts = new ArrayList<>();
        for (EntityDraft c : chain) {
            TableModel t = tables.get(c.type);
            List<Integer> columns = new ArrayList<>();
            for (ColumnModel col : t.columns()) {
                if (!t.primaryKey().contains(col.name())) {
                    columns.add(position.get(col.name()));
                }
            }
            parts.add(new JoinedModel.Part(t, t.primaryKey(), columns.stream().mapToInt(Integer::intValue).toArray()));
        }
        StringBuilder inner = new StringBuilder("t0");
        for (int i = 1; i < members.size(); i++) {
            if (chain.contains(members.get(i))) {
                inner.append(", t").append(i);
            }
        }
        return new JoinedModel(List.copyOf(parts), from(d, root, members, chain, layout, tables), inner.toString());
    }

    /** The derived table {@code d}'s rows are read from (see {@link JoinedModel#from()}). */
    private String from(EntityDraft d, EntityDraft root, List<EntityDraft> members, List<EntityDraft> chain,
                        List<ColumnModel> layout, Map<Class<?>, TableModel> tables) {
        Map<String, String> aliasOfColumn = new HashMap<>();
        StringBuilder joins = new StringBuilder();
        TableModel rootTable = tables.get(root.type);
        joins.append(dialect.qualify(rootTable.schema(), rootTable.name())).append(" t0");
        rootTable.columns().forEach(c -> aliasOfColumn.put(c.name(), "t0"));
        List<String> rootKey = rootTable.primaryKey();
        List<EntityDraft> below = new ArrayList<>();
        for (int i = 1; i < members.size(); i++) {
            EntityDraft m = members.get(i);
            boolean ancestor = chain.contains(m);
            if (!ancestor && !d.type.isAssignableFrom(m.type)) {
                continue;
            }
            if (!ancestor || m == d) {
                below.add(m);
            }
            TableModel t = tables.get(m.type);
            String alias = "t" + i;
            joins.append(ancestor ? " JOIN " : " LEFT OUTER JOIN ").append(dialect.qualify(t.schema(), t.name())).append(' ')
                    .append(alias).append(" ON ");
            for (int k = 0; k < rootKey.size(); k++) {
                joins.append(k > 0 ? " AND " : "").append(alias).append('.').append(dialect.quote(t.primaryKey().get(k)))
                        .append(" = t0.").append(dialect.quote(rootKey.get(k)));
            }
            t.columns().stream().filter(c -> !t.primaryKey().contains(c.name())).forEach(c -> aliasOfColumn.put(c.name(), alias));
        }
        StringBuilder select = new StringBuilder("(SELECT ");
        for (int i = 0; i < layout.size(); i++) {
            ColumnModel c = layout.get(i);
            select.append(i > 0 ? ", " : "");
            String alias = aliasOfColumn.get(c.name());
            if (alias != null) {
                select.append(alias).append('.').append(dialect.quote(c.name()));
            } else if (c.name().equals(CLASS_COLUMN) && root.discriminator == null) {
                select.append(classCase(d, below, members, tables)).append(" AS ").append(dialect.quote(c.name()));
            } else {
                select.append("NULL AS ").append(dialect.quote(c.name()));
            }
        }
        return select.append(" FROM ").append(joins).append(')').toString();
    }

    /** {@code CASE WHEN <deepest subclass table has the row> THEN '<its value>' ... ELSE '<d's value>' END}. */
    private String classCase(EntityDraft d, List<EntityDraft> below, List<EntityDraft> members, Map<Class<?>, TableModel> tables) {
        StringBuilder out = new StringBuilder("CASE");
        List<EntityDraft> deepestFirst = new ArrayList<>(below);
        deepestFirst.sort(Comparator.comparingInt(this::depth).reversed());
        boolean any = false;
        for (EntityDraft m : deepestFirst) {
            Object value = hierarchies.value(m);
            if (m == d || value == null) {
                continue;
            }
            TableModel t = tables.get(m.type);
            out.append(" WHEN t").append(members.indexOf(m)).append('.').append(dialect.quote(t.primaryKey().get(0)))
                    .append(" IS NOT NULL THEN ").append(literal(value));
            any = true;
        }
        Object own = hierarchies.value(d);
        if (!any) {
            return own == null ? "NULL" : literal(own);
        }
        return out.append(" ELSE ").append(own == null ? "NULL" : literal(own)).append(" END").toString();
    }

    private static String literal(Object value) {
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
