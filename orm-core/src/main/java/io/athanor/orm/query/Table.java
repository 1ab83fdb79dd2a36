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

    private Table(String schema, String name) {
        this.schema = schema == null ? "" : schema;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A table in the connection's default schema. */
    public static Table of(String name) {
        return new Table("", name);
    }

    /** A table in {@code schema}. */
    public static Table of(String schema, String name) {
        return new Table(schema, name);
    }

    /** The schema, empty for the default. */
    public String schema() {
        return schema;
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
        return o instanceof Table && ((Table) o).schema.equals(schema) && ((Table) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return schema.isEmpty() ? name : schema + "." + name;
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
