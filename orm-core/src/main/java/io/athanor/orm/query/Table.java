package io.athanor.orm.query;

import java.util.Objects;

/**
 * A table declared in code, for queries that need no entity (reporting, tables Athanor does not map):
 * SQLAlchemy Core's {@code Table}.
 *
 * <pre>{@code
 * Table events = Table.of("analytics", "events");
 * Column<Long> userId = events.column("user_id", Long.class);
 * select(userId, count().as("n")).from(events).groupBy(userId)
 * }</pre>
 *
 * Immutable and thread-safe; equal when schema and name are equal.
 */
public final class Table {
    private final String schema;
    private final String name;
    private final String alias;

    private Table(String schema, String name, String alias) {
        this.schema = schema == null ? "" : schema;
        this.name = Objects.requireNonNull(name, "name");
        this.alias = alias;
    }

    /** A table in the connection's default schema. */
    public static Table of(String name) {
        return new Table("", name, null);
    }

    /** A table in {@code schema}. */
    public static Table of(String schema, String name) {
        return new Table(schema, name, null);
    }

    /** The schema, empty for the default. */
    public String schema() {
        return schema;
    }

    /** The same table under another alias, to use it twice in one query (a self-join). */
    public Table as(String alias) {
        return new Table(schema, name, Objects.requireNonNull(alias, "alias"));
    }

    /** The alias given with {@link #as(String)}, or {@code null}. */
    public String alias() {
        return alias;
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** A column of this table holding values of {@code type}. */
    public <T> Column<T> column(String column, Class<T> type) {
        return new Column<>(this, column, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Table && ((Table) o).schema.equals(schema) && ((Table) o).name.equals(name)
                && Objects.equals(((Table) o).alias, alias);
    }

    @Override
    public int hashCode() {
        return (schema.hashCode() * 31 + name.hashCode()) * 31 + Objects.hashCode(alias);
    }

    @Override
    public String toString() {
        return (schema.isEmpty() ? name : schema + "." + name) + (alias == null ? "" : " " + alias);
    }

    /**
     * A column of a {@link Table}. Immutable.
     *
     * @param <T> the Java type of its values
     */
    public static final class Column<T> extends Expression<T> {
        private final Table table;
        private final String name;
        private final Class<T> type;

        Column(Table table, String name, Class<T> type) {
            this.table = table;
            this.name = name;
            this.type = type;
        }

        /** The column name. */
        public String name() {
            return name;
        }

        /** The table. */
        public Table table() {
            return table;
        }

        @Override
        public Class<?> javaType() {
            return type;
        }

        @Override
        public void render(SqlBuilder b) {
            b.column(table, name);
        }
    }
}
