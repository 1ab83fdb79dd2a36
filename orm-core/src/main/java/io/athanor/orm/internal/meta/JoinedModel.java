package io.athanor.orm.internal.meta;

import java.util.List;

/**
 * How an entity of a joined-table hierarchy is stored: the tables of its class and of the classes it extends (the
 * root's first), each with the row columns it holds, and the derived table its rows are read from. Immutable.
 *
 * @param parts the tables a row of this entity is written to, the root's first, down to the entity's own
 * @param from  a parenthesised {@code SELECT} giving the hierarchy's row layout ({@link EntityModel#rowColumns()})
 *              for the rows of this entity and its subclasses: its ancestors' tables and its own inner-joined, its
 *              subclasses' tables left-joined, the columns of other tables NULL; used as a FROM item with an alias
 * @param innerAliases the aliases, inside {@code from}, of the tables it inner-joins (the entity's own and its
 *              ancestors'), comma-separated: what a locking read locks where outer-joined tables cannot be locked
 */
public record JoinedModel(List<Part> parts, String from, String innerAliases) {

    /**
     * {@link #from()} locking the rows it reads ({@link io.athanor.orm.dialect.Dialect#lockInside}: on PostgreSQL those
     * of the entity's own and its ancestors' tables, as it cannot lock the subclasses' outer-joined ones), for a
     * locking read: a locking clause outside the derived table leaves its rows unlocked on MariaDB and H2.
     */
    public String lockedFrom(io.athanor.orm.dialect.Dialect dialect, String waitOption) {
        return from.substring(0, from.length() - 1) + dialect.lockInside(innerAliases, waitOption) + ")";
    }

    /** The table of the entity itself (the last of {@link #parts()}). */
    public Part own() {
        return parts.get(parts.size() - 1);
    }

    /**
     * Why {@code what} cannot address entity {@code entity} of a joined hierarchy, and what to do instead: a
     * statement on one table would leave the hierarchy's other tables behind.
     */
    public static String refusal(String entity, String what) {
        return what + " cannot address " + entity + ": its rows are stored in several tables (joined inheritance), and a "
                + "statement on one of them would leave the others out of step. Load the instances and change, add or delete "
                + "them through a session (its flush writes each table, batched), or write the statement for each table "
                + "with text(...).";
    }

    /**
     * One table of the hierarchy as an entity writes it.
     *
     * @param table      the table
     * @param keyColumns its key columns, in the order of the root's id columns (the root's own id columns for the root)
     * @param columns    the positions in {@link EntityModel#rowColumns()} of the other columns it holds, in table order
     */
    public record Part(TableModel table, List<String> keyColumns, int[] columns) {
    }
}
