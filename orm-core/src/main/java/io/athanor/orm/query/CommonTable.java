package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import java.util.List;
import java.util.Objects;

/**
 * A common table expression: a named SELECT that a statement defines with {@code WITH} and then uses
 * like a table, recursive too.
 *
 * <pre>{@code
 * CommonTable chain = CommonTable.named("chain", "id", "previous_id");
 * chain = chain.asRecursive(
 *         select(Post_.id, Post_.previous).where(Post_.id.eq(3L))
 *         .unionAll(select(Post_.id, Post_.previous).join(chain, Post_.id.eq(chain.column("previous_id", Long.class)))));
 * session.select(chain.column("id", Long.class)).from(chain).with(chain).list();
 * }</pre>
 *
 * Equal (and interchangeable as a FROM item) when name and columns are equal. Immutable and thread-safe.
 */
public final class CommonTable {
    private final String name;
    private final List<String> columns;
    private final Select<?> definition;
    private final boolean recursive;

    private CommonTable(String name, List<String> columns, Select<?> definition, boolean recursive) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = columns;
        this.definition = definition;
        this.recursive = recursive;
    }

    /** A common table named {@code name} with these output columns, still to be defined. */
    public static CommonTable named(String name, String... columns) {
        return new CommonTable(name, List.of(columns), null, false);
    }

    /** This table defined by {@code select}. */
    public CommonTable as(Select<?> select) {
        return new CommonTable(name, columns, select.subquery(), false);
    }

    /** This table defined by a {@code select} that refers to the table itself ({@code WITH RECURSIVE}). */
    public CommonTable asRecursive(Select<?> select) {
        if (columns.isEmpty()) {
            throw new AthanorException("A recursive common table needs its column names: CommonTable.named(\"" + name
                    + "\", \"col1\", ...).");
        }
        return new CommonTable(name, columns, select.subquery(), true);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** A column of the table. */
    public <T> Expression<T> column(String column, Class<T> type) {
        return new NamedColumn<>(this, column, type);
    }

    void renderDefinition(SqlBuilder b) {
        if (definition == null) {
            throw new AthanorException("Common table " + name + " is used in WITH but has no definition; call as(select).");
        }
        b.identifier(name);
        if (!columns.isEmpty()) {
            b.sql(" (");
            for (int i = 0; i < columns.size(); i++) {
                b.sql(i > 0 ? ", " : "").identifier(columns.get(i));
            }
            b.sql(")");
        }
        b.sql(" AS (").subquery(definition).sql(")");
    }

    boolean recursive() {
        return recursive;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommonTable && ((CommonTable) o).name.equals(name) && ((CommonTable) o).columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + columns.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
