package io.athanor.orm.query;

import io.athanor.orm.dialect.Dialect;

/**
 * What an expression renders itself into. The compiler walks a statement twice with the same code:
 * once to compute its <em>shape</em> (the cache key: structure, names and bind types, but not bind
 * values) and, when that shape has not been compiled before, once to render SQL. Implementations of
 * {@link Expression#render(SqlBuilder)} must therefore call these methods in an order that depends only
 * on the expression's structure and the {@link #dialect()}, never on bind values.
 *
 * <p>Not thread-safe; one builder serves one walk.
 */
public interface SqlBuilder {

    /** The dialect being compiled for; expressions may branch on its capabilities. */
    Dialect dialect();

    /** Appends constant SQL text: keywords, operators, punctuation. */
    SqlBuilder sql(String fragment);

    /** Appends an identifier, quoted as the dialect needs. */
    SqlBuilder identifier(String name);

    /**
     * Appends a bind parameter ({@code ?}) carrying {@code value}. When {@code typeHint} is a mapped
     * column, the value is bound the way that column stores it (enums by name or position, converters,
     * UUIDs on MariaDB...).
     */
    SqlBuilder bind(Object value, Expression<?> typeHint);

    /**
     * Appends a bind parameter ({@code ?}) carrying {@code value}, bound by its Java class, that messages
     * about the value call {@code label} ({@code Parameter :name} in raw SQL text, {@code User.name (its LIKE
     * pattern)}).
     */
    default SqlBuilder bindNamed(Object value, String label) {
        return bind(value, null);
    }

    /**
     * Whether a list of values compared with {@code typeHint} can be bound as one array parameter (see
     * {@link #bindArray}). Depends only on the hint and the dialect. {@code false} by default.
     */
    default boolean bindsAsArray(Expression<?> typeHint) {
        return false;
    }

    /**
     * Appends one bind parameter ({@code ?}) holding {@code values} as an array of the type the values of
     * {@code typeHint} have, as in {@code x = ANY(?)}; only where {@link #bindsAsArray} said so.
     *
     * @throws UnsupportedOperationException where this builder binds no arrays
     */
    default SqlBuilder bindArray(Object[] values, Expression<?> typeHint) {
        throw new UnsupportedOperationException("This builder binds no array parameters.");
    }

    /**
     * Starts (or, nested, continues) writing safe constant values as SQL literals instead of bind parameters, until
     * the matching {@link #endLiterals()}; see {@link Literal}. Builders that do not support it ignore it.
     */
    default SqlBuilder beginLiterals() {
        return this;
    }

    /** Ends what the last {@link #beginLiterals()} started. */
    default SqlBuilder endLiterals() {
        return this;
    }

    /** Whether safe constant values are being written as literals. */
    default boolean writesLiterals() {
        return false;
    }

    /** Renders a nested expression. */
    SqlBuilder visit(Expression<?> expression);

    /** Renders the column of {@code attribute}, qualified by the FROM item {@code source} stands for. */
    SqlBuilder column(Object source, Attribute<?, ?> attribute);

    /** Renders the bare (unqualified) column name of {@code attribute}, as in an INSERT column list or SET. */
    SqlBuilder columnName(Attribute<?, ?> attribute);

    /** Renders a named column of a {@link Table} declared in code or of a {@link DerivedTable}. */
    SqlBuilder column(Object table, String column);

    /** Renders a nested statement (a subquery), with its own FROM scope that can see the enclosing one. */
    SqlBuilder subquery(Select<?> select);

    /**
     * Opens the FROM scope of a statement: its sources (entity classes, {@link Aliased}, {@link Table})
     * in order, so that columns rendered before the FROM clause can be qualified.
     */
    SqlBuilder openScope(java.util.List<Object> sources);

    /** Closes the scope opened last. */
    SqlBuilder closeScope();

    /** Renders a FROM item: its table and, where needed, its alias. */
    SqlBuilder source(Object source);

    /**
     * Renders the table a data change (INSERT, UPDATE, DELETE) writes to: schema-qualified, without an
     * alias; columns of that source are then qualified with the full table name.
     */
    SqlBuilder target(Object source);

    /** Renders the key columns of the entity behind {@code source}, comma-separated, for counting its rows. */
    default SqlBuilder keyColumns(Object source) {
        throw new UnsupportedOperationException("keyColumns");
    }

    /** Renders every mapped column of the entity behind {@code source}, for selecting whole entities. */
    SqlBuilder entityColumns(Object source);

    /**
     * Renders the ON condition joining {@code target} to the sources before it in the scope, inferred
     * from the foreign key between them.
     *
     * @throws io.athanor.orm.error.AthanorException (in render mode) if there is no foreign key path, or more than one
     */
    SqlBuilder joinCondition(Object target);

    /**
     * Renders a join along {@code relationship}: {@code [LEFT OUTER] JOIN target ON <its condition>}, from the FROM item
     * {@code owner} stands for (the relationship's entity class or an alias of it), which comes before {@code target};
     * a many-to-many joins its link table first.
     *
     * @throws io.athanor.orm.error.AthanorException (in render mode) if the owner is not in the FROM clause before it
     */
    default SqlBuilder relationshipJoin(boolean outer, Object owner, Attribute<?, ?> relationship, Object target) {
        throw new UnsupportedOperationException("relationshipJoin");
    }

    /**
     * Renders the column that to-one {@code relationship} refers to (the key), in the FROM item {@code target} stands
     * for: the right side of {@code Category_.parent.eq(parentAlias)}.
     */
    default SqlBuilder referencedColumn(Object target, Attribute<?, ?> relationship) {
        throw new UnsupportedOperationException("referencedColumn");
    }

    /**
     * Whether an entity select of {@code entitySource} with {@code loads} joins to-many relationships
     * into its rows (JOINED loading), so that its LIMIT, OFFSET and DISTINCT must apply to a subquery of
     * keys rather than to the joined rows. Builders that do not load return {@code false}.
     */
    default boolean joinsCollections(Object entitySource, java.util.List<Load> loads) {
        return false;
    }

    /** The key attribute of the entity behind {@code entitySource}, for selecting the keys of a limited query. */
    default Attribute<?, ?> keyAttribute(Object entitySource) {
        throw new UnsupportedOperationException("keyAttribute");
    }

    /** Renders the columns of the relationships an entity select loads in the same statement, each preceded by ", ". */
    default SqlBuilder joinedColumns(Object entitySource, java.util.List<Load> loads) {
        return this;
    }

    /**
     * Announces, before its FROM clause, that the statement about to be rendered locks the rows it reads:
     * {@code lockable} are its sources read without an outer join (its FROM item and inner joins), {@code outerJoins}
     * whether it outer-joins others. {@link #lockClause} then locks what the dialect can.
     */
    default SqlBuilder locking(String waitOption, java.util.List<Object> lockable, boolean outerJoins) {
        return this;
    }

    /**
     * Renders the locking clause of the statement announced by {@link #locking}: {@code FOR UPDATE} and
     * {@code waitOption} (empty, {@code " NOWAIT"} or {@code " SKIP LOCKED"}).
     */
    default SqlBuilder lockClause(String waitOption) {
        return sql(" FOR UPDATE").sql(waitOption);
    }

    /** Renders the outer joins of the relationships an entity select loads in the same statement. */
    default SqlBuilder joinedTables(Object entitySource, java.util.List<Load> loads) {
        return this;
    }

    /**
     * Renders the ordering that keeps each parent's joined collection rows together and in order,
     * preceded by ", " unless {@code first}.
     */
    default SqlBuilder joinedOrder(Object entitySource, java.util.List<Load> loads, boolean first) {
        return this;
    }

    /**
     * When {@code source} is an entity stored in the table of a single-table hierarchy other than its root, renders
     * {@code keyword} and the condition that keeps the rows of that entity and its subclasses (the discriminator
     * column in its values) and answers {@code true}; otherwise renders nothing and answers {@code false}.
     */
    default boolean discriminatorFilter(Object source, String keyword) {
        return false;
    }
}
