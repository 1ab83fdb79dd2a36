package io.athanor.orm.annotations;

/**
 * How a relationship is loaded, as in SQLAlchemy's {@code lazy=} options. Set on the mapping and
 * overridable per query.
 */
public enum FetchMode {
    /** On first access, with one statement (a proxy or a lazy collection): SQLAlchemy's {@code lazy="select"}. */
    SELECT,
    /** In the same statement as the parent, by an outer join. */
    JOINED,
    /** After the parents, one {@code WHERE key IN (...)} statement per batch of parents. */
    SELECTIN,
    /** After the parents, one statement that joins the children to the parent query as a subquery. */
    SUBQUERY,
    /** Never loaded as a whole: the field is a query object ({@code DynamicCollection}) to filter, count and page. */
    DYNAMIC,
    /** Accessing the relationship unloaded throws, naming the relationship and how to load it. */
    RAISE
}
