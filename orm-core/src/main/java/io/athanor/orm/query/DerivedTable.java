package io.athanor.orm.query;

/**
 * A SELECT used in a FROM clause under an alias (a derived table), from {@link Select#as(String)}:
 *
 * <pre>{@code
 * DerivedTable totals = select(Order_.userId, sum(Order_.amount).as("total")).groupBy(Order_.userId).as("totals");
 * select(avg(totals.column("total", BigDecimal.class))).from(totals)
 * }</pre>
 *
 * Each instance is a distinct FROM item. Immutable and thread-safe.
 */
public final class DerivedTable {
    private final Select<?> select;
    private final String alias;
    private final boolean lateral;

    DerivedTable(Select<?> select, String alias) {
        this(select, alias, false);
    }

    DerivedTable(Select<?> select, String alias, boolean lateral) {
        this.select = select;
        this.alias = alias;
        this.lateral = lateral;
    }

    /** Whether this is a {@code LATERAL} subquery, which may refer to the FROM items before it ({@link Sql#lateral}). */
    public boolean lateral() {
        return lateral;
    }

    /** The statement. */
    public Select<?> select() {
        return select;
    }

    /** The alias. */
    public String alias() {
        return alias;
    }

    /** A column of the derived table, by the label its SELECT gives it. */
    public <T> Expression<T> column(String label, Class<T> type) {
        return new NamedColumn<>(this, label, type);
    }

    @Override
    public String toString() {
        return (lateral ? "LATERAL (" : "(") + select + ") " + alias;
    }
}
