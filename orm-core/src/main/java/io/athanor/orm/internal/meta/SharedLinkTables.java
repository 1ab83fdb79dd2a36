package io.athanor.orm.internal.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Link tables that are also the table of an entity (SQLAlchemy's association object): a many-to-many navigates
 * through {@code film_actor} while an entity {@code FilmActor} maps the same table with columns of its own.
 * <p>
 * Allowed when the entity has both link columns (same names, same kind of type) and every other column of it
 * may be left out of an INSERT (nullable, with a server default, or set by the database), so a link row that
 * the collection inserts is a valid row of the entity; a {@code viewOnly} many-to-many inserts none, so only the
 * link columns are checked. The table is then created and dropped once, from the
 * entity's definition, which also gets the link table's foreign keys on columns where it declares none, so
 * the flush orders its rows after their parents'. Not thread-safe; used once while metadata is built.
 */
final class SharedLinkTables {
    private final Map<Class<?>, EntityDraft> drafts;
    private final Hierarchies hierarchies;
    private final List<String> problems;

    SharedLinkTables(Map<Class<?>, EntityDraft> drafts, Hierarchies hierarchies, List<String> problems) {
        this.drafts = drafts;
        this.hierarchies = hierarchies;
        this.problems = problems;
    }

    /**
     * Checks each link table that has an entity's name, and gives that entity's table the link table's foreign
     * keys (replacing it in {@code tables} and {@code all}).
     *
     * @return the link tables no entity maps, which are created on their own
     */
    List<TableModel> merge(List<TableModel> joinTables, Map<Class<?>, TableModel> tables, List<TableModel> all) {
        List<TableModel> own = new ArrayList<>();
        for (TableModel link : joinTables) {
            EntityDraft entity = entityOf(link);
            if (entity == null) {
                own.add(link);
                continue;
            }
            TableModel table = tables.get(entity.type);
            if (!check(link, entity, table)) {
                continue;
            }
            TableModel merged = withForeignKeys(table, link);
            for (Map.Entry<Class<?>, TableModel> e : tables.entrySet()) {
                if (e.getValue() == table) {
                    e.setValue(merged);
                }
            }
            all.set(all.indexOf(table), merged);
        }
        return own;
    }

    private EntityDraft entityOf(TableModel link) {
        String key = key(link.schema(), link.name());
        for (EntityDraft d : drafts.values()) {
            if (!hierarchies.isSubclass(d) && key(d.schema, d.table).equals(key)) {
                return d;
            }
        }
        return null;
    }

    private boolean check(TableModel link, EntityDraft entity, TableModel table) {
        RelationshipDraft r = relationshipOf(link);
        String where = "Link table " + link.fullName() + " of " + (r == null ? "a many-to-many" : r.describe())
                + " is also the table of entity " + entity.type.getName();
        boolean ok = true;
        for (ColumnModel c : link.columns()) {
            ColumnModel mine = table.column(c.name()).orElse(null);
            if (mine == null) {
                problems.add(where + ", which has no column '" + c.name() + "'; its columns are "
                        + table.columns().stream().map(ColumnModel::name).collect(Collectors.toList())
                        + ". Map '" + c.name() + "' in the entity (an @Id or a @ManyToOne's @JoinColumn) or name the link "
                        + "columns after the entity's with @JoinTable(joinColumn = ..., inverseJoinColumn = ...).");
                ok = false;
            } else if (mine.type().sqlType().kind() != c.type().sqlType().kind()) {
                problems.add(where + ", whose column '" + c.name() + "' is " + mine.type().sqlType().kind()
                        + " but the link column refers to a key of type " + c.type().sqlType().kind()
                        + "; give the entity's field the type of the key it refers to.");
                ok = false;
            }
        }
        for (ColumnModel c : table.columns()) {
            boolean linkColumn = link.columns().stream().anyMatch(l -> l.name().equals(c.name()));
            if (!linkColumn && (r == null || !r.viewOnly) && !c.nullable() && c.serverDefault().isEmpty() && !c.identity() && c.generated() == null) {
                problems.add(where + ", whose column '" + c.name() + "' is NOT NULL without a server default, so a link "
                        + "row inserted through the collection would have no value for it; make it nullable or give it "
                        + "a server default with @Column(serverDefault = ...), or mark the many-to-many "
                        + "@ManyToMany(viewOnly = true) and write the rows through the entity.");
                ok = false;
            }
        }
        return ok;
    }

    private RelationshipDraft relationshipOf(TableModel link) {
        for (EntityDraft d : drafts.values()) {
            for (RelationshipDraft r : d.relationships) {
                if (r.model != null && r.model.joinTable() == link) {
                    return r;
                }
            }
        }
        return null;
    }

    /** {@code table} with the foreign keys of {@code link} on columns none of its own foreign keys covers. */
    private static TableModel withForeignKeys(TableModel table, TableModel link) {
        List<ForeignKeyModel> fks = new ArrayList<>(table.foreignKeys());
        for (ForeignKeyModel fk : link.foreignKeys()) {
            if (table.foreignKeys().stream().noneMatch(f -> f.columns().equals(fk.columns()))) {
                fks.add(fk);
            }
        }
        return new TableModel(table.schema(), table.name(), table.columns(), table.primaryKey(), List.copyOf(fks),
                table.indexes());
    }

    private static String key(String schema, String name) {
        return (schema + "." + name).toLowerCase(Locale.ROOT);
    }
}
