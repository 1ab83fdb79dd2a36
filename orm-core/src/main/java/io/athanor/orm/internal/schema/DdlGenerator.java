package io.athanor.orm.internal.schema;

import io.athanor.orm.annotations.OnDelete;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.meta.ColumnModel;
import io.athanor.orm.internal.meta.ForeignKeyModel;
import io.athanor.orm.internal.meta.IndexModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.SequenceModel;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.internal.types.DatabaseEnumType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders CREATE and DROP statements for tables, in dependency order, for one dialect. */
public final class DdlGenerator {
    private final Metadata metadata;
    private final Dialect dialect;
    private final java.util.function.Function<io.athanor.orm.internal.meta.EntityModel, String> viewSql;

    public DdlGenerator(Metadata metadata) {
        this(metadata, e -> e.viewQuery());
    }

    /** @param viewSql the defining SQL of each materialized view */
    public DdlGenerator(Metadata metadata, java.util.function.Function<io.athanor.orm.internal.meta.EntityModel, String> viewSql) {
        this.metadata = metadata;
        this.dialect = metadata.dialect();
        this.viewSql = viewSql;
    }

    /** The view entity whose table is {@code t}, or {@code null} when {@code t} is a plain table. */
    private io.athanor.orm.internal.meta.EntityModel viewOf(TableModel t) {
        for (io.athanor.orm.internal.meta.EntityModel e : metadata.entities()) {
            if (e.isView() && e.table().equals(t)) {
                return e;
            }
        }
        return null;
    }

    /** The statements that fill a materialized view with its query's current result. */
    public List<String> refresh(io.athanor.orm.internal.meta.EntityModel view) {
        String name = dialect.qualify(view.table().schema(), view.table().name());
        if (dialect.hasMaterializedViews()) {
            boolean unique = view.table().indexes().stream().anyMatch(IndexModel::unique);
            return List.of("REFRESH MATERIALIZED VIEW " + (unique ? "CONCURRENTLY " : "") + name);
        }
        return List.of("DELETE FROM " + name, "INSERT INTO " + name + " " + viewSql.apply(view));
    }

    /** Statements that create {@code tables} (in the metadata's order), their schemas, sequences and indexes. */
    public List<String> create(List<TableModel> tables, List<SequenceModel> sequences) {
        return create(tables, sequences, fk -> true);
    }

    /**
     * As {@link #create(List, List)}, leaving out the foreign keys {@code keep} refuses (those to tables of another
     * database, where entities live on several engines).
     */
    public List<String> create(List<TableModel> tables, List<SequenceModel> sequences,
                               java.util.function.Predicate<ForeignKeyModel> keep) {
        List<String> out = new ArrayList<>();
        Set<String> schemas = new java.util.LinkedHashSet<>();
        tables.forEach(t -> addSchema(schemas, t.schema()));
        sequences.forEach(s -> addSchema(schemas, s.schema()));
        for (String schema : schemas) {
            out.add(dialect.createSchema(schema));
        }
        for (SequenceModel s : sequences) {
            out.add(dialect.createSequence(dialect.qualify(s.schema(), s.name()), 1, s.allocationSize()));
        }
        for (DatabaseEnumType e : enumTypes(tables)) {
            out.add("DO $$ BEGIN CREATE TYPE " + e.sqlType().custom() + " AS ENUM (" + e.literals() + "); "
                    + "EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        }
        Set<String> created = new HashSet<>();
        List<String> deferred = new ArrayList<>();
        List<TableModel> views = new ArrayList<>();
        for (TableModel t : tables) {
            if (viewOf(t) != null) {
                views.add(t);
                continue;
            }
            created.add(t.fullName());
            out.add(createTable(t, created, deferred, keep));
            for (IndexModel i : t.indexes()) {
                if (!i.constraint()) {
                    out.add("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + dialect.quote(i.name()) + " ON "
                            + qualified(t) + " (" + columns(i.columns()) + ")");
                }
            }
        }
        out.addAll(deferred);
        for (TableModel t : views) {
            String sql = viewSql.apply(viewOf(t));
            out.add(dialect.hasMaterializedViews() ? "CREATE MATERIALIZED VIEW IF NOT EXISTS " + qualified(t) + " AS " + sql
                    : "CREATE TABLE IF NOT EXISTS " + qualified(t) + " AS " + sql);
            for (IndexModel i : t.indexes()) {
                out.add("CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + dialect.quote(i.name()) + " ON "
                        + qualified(t) + " (" + columns(i.columns()) + ")");
            }
        }
        return out;
    }

    /** Statements that drop {@code tables} (children first) and {@code sequences}; schemas are left alone. */
    public List<String> drop(List<TableModel> tables, List<SequenceModel> sequences) {
        List<String> out = new ArrayList<>();
        if (dialect.dropNeedsSchema()) {
            Set<String> schemas = new java.util.LinkedHashSet<>();
            tables.forEach(t -> addSchema(schemas, t.schema()));
            sequences.forEach(q -> addSchema(schemas, q.schema()));
            for (String schema : schemas) {
                out.add(dialect.createSchema(schema));
            }
        }
        for (TableModel t : tables) {
            if (viewOf(t) != null) {
                out.add((dialect.hasMaterializedViews() ? "DROP MATERIALIZED VIEW IF EXISTS " : "DROP TABLE IF EXISTS ")
                        + qualified(t) + (dialect.supportsDropCascade() ? " CASCADE" : ""));
            }
        }
        for (int i = tables.size() - 1; i >= 0; i--) {
            if (viewOf(tables.get(i)) == null) {
                out.add("DROP TABLE IF EXISTS " + qualified(tables.get(i)) + (dialect.supportsDropCascade() ? " CASCADE" : ""));
            }
        }
        for (SequenceModel s : sequences) {
            out.add("DROP SEQUENCE IF EXISTS " + dialect.qualify(s.schema(), s.name()));
        }
        List<TableModel> kept = new ArrayList<>(metadata.tables());
        kept.removeAll(tables);
        Set<String> stillUsed = enumTypes(kept).stream().map(e -> e.sqlType().custom()).collect(Collectors.toSet());
        for (DatabaseEnumType e : enumTypes(tables)) {
            if (!stillUsed.contains(e.sqlType().custom())) {
                out.add("DROP TYPE IF EXISTS " + e.sqlType().custom());
            }
        }
        return out;
    }

    /** The named database enum types the columns of {@code tables} use, each once. */
    private static List<DatabaseEnumType> enumTypes(List<TableModel> tables) {
        java.util.Map<String, DatabaseEnumType> types = new java.util.LinkedHashMap<>();
        for (TableModel t : tables) {
            for (ColumnModel c : t.columns()) {
                if (c.type() instanceof DatabaseEnumType && ((DatabaseEnumType) c.type()).named()) {
                    types.putIfAbsent(c.type().sqlType().custom(), (DatabaseEnumType) c.type());
                }
            }
        }
        return new ArrayList<>(types.values());
    }

    /** The tables of the whole metadata, for {@link #create} and {@link #drop}. */
    public List<String> createAll() {
        return create(metadata.tables(), metadata.sequences());
    }

    public List<String> dropAll() {
        return drop(metadata.tables(), metadata.sequences());
    }

    private static void addSchema(Set<String> schemas, String schema) {
        if (!schema.isEmpty()) {
            schemas.add(schema);
        }
    }

    private String createTable(TableModel t, Set<String> created, List<String> deferred,
                               java.util.function.Predicate<ForeignKeyModel> keep) {
        List<String> lines = new ArrayList<>();
        for (ColumnModel c : t.columns()) {
            lines.add(column(c));
        }
        if (!t.primaryKey().isEmpty()) {
            lines.add("CONSTRAINT " + dialect.quote("pk_" + t.name()) + " PRIMARY KEY (" + columns(t.primaryKey()) + ")");
        }
        for (IndexModel i : t.indexes()) {
            if (i.constraint()) {
                lines.add("CONSTRAINT " + dialect.quote(i.name()) + " UNIQUE (" + columns(i.columns()) + ")");
            }
        }
        for (ForeignKeyModel fk : t.foreignKeys()) {
            if (!keep.test(fk)) {
                continue;
            }
            String target = fk.referencedSchema().isEmpty() ? fk.referencedTable() : fk.referencedSchema() + "." + fk.referencedTable();
            if (created.contains(target)) {
                lines.add(foreignKey(fk));
            } else {
                deferred.add("ALTER TABLE " + qualified(t) + " ADD " + foreignKey(fk));
            }
        }
        return "CREATE TABLE IF NOT EXISTS " + qualified(t) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    private String column(ColumnModel c) {
        StringBuilder b = new StringBuilder(dialect.quote(c.name())).append(' ').append(dialect.typeName(c.type().sqlType()));
        if (c.identity()) {
            b.append(' ').append(dialect.identityClause());
        }
        if (!c.nullable()) {
            b.append(" NOT NULL");
        }
        if (!c.serverDefault().isEmpty()) {
            b.append(" DEFAULT ").append(c.serverDefault());
        }
        return b.toString();
    }

    private String foreignKey(ForeignKeyModel fk) {
        String s = "CONSTRAINT " + dialect.quote(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + dialect.qualify(fk.referencedSchema(), fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ")";
        if (fk.onDelete() != OnDelete.NO_ACTION) {
            s += " ON DELETE " + fk.onDelete().name().replace('_', ' ');
        }
        return s;
    }

    private String qualified(TableModel t) {
        return dialect.qualify(t.schema(), t.name());
    }

    private String columns(List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
