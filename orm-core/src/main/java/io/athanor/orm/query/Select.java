package io.athanor.orm.query;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ResultCountException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A SELECT statement, built step by step: SQLAlchemy's {@code select()}. Each method returns a new
 * statement; a {@code Select} never changes, so one can be kept in a constant and refined per call.
 *
 * <pre>{@code
 * // the seed's get_user_statistics
 * session.select(User_.id, User_.name, count(Order_.id).as("order_count"), sum(Order_.amount).as("total_spent"))
 *        .outerJoin(Order.class)
 *        .groupBy(User_.id, User_.name)
 *        .list();
 * }</pre>
 *
 * <p>The FROM clause defaults to the entity of the first selected column; {@link #join(Object)} and
 * {@link #outerJoin(Object)} infer their ON condition from the foreign key between the tables. A
 * statement built by a session runs with {@link #list()} and its relatives; one built with
 * {@link Sql#select} is a plain statement, usable as a subquery or run with {@code session.list(...)}.
 *
 * <p>Immutable and thread-safe (running it uses its session, which is not).
 *
 * @param <R> what each result is: an entity, or a {@code Row}
 */
public final class Select<R> implements Statement {
    // The clauses are package-private for SelectRendering, which writes them out.
    final Object entitySource;
    final List<Expression<?>> columns;
    final Object from;
    final List<Join> joins;
    final Expression<Boolean> where;
    final List<Expression<?>> groupBy;
    final Expression<Boolean> having;
    final List<Order> orderBy;
    final Integer limit;
    final Integer offset;
    final boolean distinct;
    final Lock lock;
    private final QueryExecutor executor;
    final List<SetOperation> setOperations;
    final List<CommonTable> commonTables;
    final List<Load> loads;

    private Select(Object entitySource, List<Expression<?>> columns, Object from, List<Join> joins, Expression<Boolean> where,
                   List<Expression<?>> groupBy, Expression<Boolean> having, List<Order> orderBy, Integer limit, Integer offset,
                   boolean distinct, Lock lock, QueryExecutor executor, List<SetOperation> setOperations,
                   List<CommonTable> commonTables, List<Load> loads) {
        this.entitySource = entitySource;
        this.columns = columns;
        this.from = from;
        this.joins = joins;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.lock = lock;
        this.executor = executor;
        this.setOperations = setOperations;
        this.commonTables = commonTables;
        this.loads = loads;
    }

    static <E> Select<E> ofEntity(Object source, QueryExecutor executor) {
        return new Select<>(source, List.of(), source, List.of(), null, List.of(), null, List.of(), null, null, false, null,
                executor, List.of(), List.of(), List.of());
    }

    static <R> Select<R> ofColumns(List<Expression<?>> columns, QueryExecutor executor) {
        if (columns.isEmpty()) {
            throw new AthanorException("select() needs at least one column or expression.");
        }
        return new Select<>(null, List.copyOf(columns), null, List.of(), null, List.of(), null, List.of(), null, null, false,
                null, executor, List.of(), List.of(), List.of());
    }

    private Select<R> copy(Object from, List<Join> joins, Expression<Boolean> where, List<Expression<?>> groupBy,
                           Expression<Boolean> having, List<Order> orderBy, Integer limit, Integer offset, boolean distinct,
                           Lock lock, QueryExecutor executor) {
        return new Select<>(entitySource, columns, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                executor, setOperations, commonTables, loads);
    }

    private Select<R> combine(String operator, Select<?> other) {
        if (!other.orderBy.isEmpty() || other.limit != null || other.offset != null || !other.setOperations.isEmpty()) {
            throw new AthanorException("A statement combined with " + operator.trim() + " must have no ORDER BY, LIMIT or "
                    + "OFFSET of its own, nor set operations; order and limit the combined statement instead.");
        }
        if (!orderBy.isEmpty() || limit != null || offset != null) {
            throw new AthanorException("Call " + operator.trim().toLowerCase(java.util.Locale.ROOT).replace(' ', '_')
                    + " before orderBy, limit and offset: those apply to the combined statement.");
        }
        List<SetOperation> ops = new ArrayList<>(setOperations);
        ops.add(new SetOperation(operator, other.subquery()));
        return new Select<>(entitySource, columns, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                executor, List.copyOf(ops), commonTables, loads);
    }

    /**
     * {@code this UNION other}: the rows of both, duplicates removed. Both select the same number and
     * kinds of columns. ORDER BY, LIMIT and OFFSET given afterwards apply to the whole; order by
     * output column with {@link Sql#ref(String)}.
     */
    public Select<R> union(Select<?> other) {
        return combine(" UNION ", other);
    }

    /** {@code this UNION ALL other}: the rows of both, duplicates kept. */
    public Select<R> unionAll(Select<?> other) {
        return combine(" UNION ALL ", other);
    }

    /** {@code this INTERSECT other}: rows in both. */
    public Select<R> intersect(Select<?> other) {
        return combine(" INTERSECT ", other);
    }

    /** {@code this EXCEPT other}: rows of this that are not in other. */
    public Select<R> except(Select<?> other) {
        return combine(" EXCEPT ", other);
    }

    /** The statement selecting from {@code source}: an entity class, an {@link Aliased} entity or a {@link Table}. */
    public Select<R> from(Object source) {
        return copy(Join.checkSource(source), joins, where, groupBy, having, orderBy, limit, offset, distinct, lock, executor);
    }

    /** An inner join to an entity, alias or table, ON inferred from the foreign key; or along a relationship (User_.orders). */
    public Select<R> join(Object target) {
        return addJoin(Join.of(false, target, null, null));
    }

    /** An inner join to {@code target} ON {@code condition}; along a relationship, ON its own condition AND this one. */
    public Select<R> join(Object target, Expression<Boolean> condition) {
        return addJoin(Join.of(false, target, null, condition));
    }

    /** An inner join along {@code relationship} to {@code alias}: {@code join(Category_.parent, aliased(Category.class))}. */
    public <T> Select<R> join(Expression<T> relationship, Aliased<T> alias) {
        return addJoin(Join.of(false, relationship, alias, null));
    }

    /** An inner join along {@code relationship} to {@code alias}, ON the relationship's condition AND {@code condition}. */
    public <T> Select<R> join(Expression<T> relationship, Aliased<T> alias, Expression<Boolean> condition) {
        return addJoin(Join.of(false, relationship, alias, condition));
    }

    /** A LEFT OUTER JOIN to {@code target} (as {@link #join(Object)} takes it): the seed's {@code .outerjoin(Order)}. */
    public Select<R> outerJoin(Object target) {
        return addJoin(Join.of(true, target, null, null));
    }

    /** A LEFT OUTER JOIN to {@code target} ON {@code condition}, added to a relationship's own condition. */
    public Select<R> outerJoin(Object target, Expression<Boolean> condition) {
        return addJoin(Join.of(true, target, null, condition));
    }

    /** A LEFT OUTER JOIN along {@code relationship} to {@code alias}. */
    public <T> Select<R> outerJoin(Expression<T> relationship, Aliased<T> alias) {
        return addJoin(Join.of(true, relationship, alias, null));
    }

    /** A LEFT OUTER JOIN along {@code relationship} to {@code alias}, ON its condition AND {@code condition}. */
    public <T> Select<R> outerJoin(Expression<T> relationship, Aliased<T> alias, Expression<Boolean> condition) {
        return addJoin(Join.of(true, relationship, alias, condition));
    }

    /** A CROSS JOIN to {@code target}: every row with every row of the items before it (no ON). */
    public Select<R> crossJoin(Object target) {
        return addJoin(new Join(false, Join.checkSource(target), null, true));
    }

    private Select<R> addJoin(Join join) {
        return copy(from, Join.append(joins, join), where, groupBy, having, orderBy, limit, offset, distinct, lock, executor);
    }

    /** Adds conditions, joined with AND to any already given. */
    @SafeVarargs
    public final Select<R> where(Expression<Boolean>... conditions) {
        if (where == null && conditions.length == 1) { // the usual case: one condition is the whole WHERE, as it is
            return copy(from, joins, conditions[0], groupBy, having, orderBy, limit, offset, distinct, lock, executor);
        }
        List<Expression<Boolean>> all = new ArrayList<>(where == null ? List.of() : List.of(where));
        for (Expression<Boolean> condition : conditions) {      // read, never passed on: what makes it safe
            all.add(condition);
        }
        return copy(from, joins, Logical.of(" AND ", all), groupBy, having, orderBy, limit, offset, distinct, lock, executor);
    }

    /** GROUP BY these expressions. */
    public Select<R> groupBy(Expression<?>... expressions) {
        return copy(from, joins, where, List.of(expressions), having, orderBy, limit, offset, distinct, lock, executor);
    }

    /** HAVING {@code condition}. */
    public Select<R> having(Expression<Boolean> condition) {
        return copy(from, joins, where, groupBy, condition, orderBy, limit, offset, distinct, lock, executor);
    }

    /** ORDER BY these items ({@code User_.name.asc()}, {@code sum(...).desc().nullsLast()}). */
    public Select<R> orderBy(Order... orders) {
        return copy(from, joins, where, groupBy, having, List.of(orders), limit, offset, distinct, lock, executor);
    }

    /** ORDER BY these expressions, ascending. */
    public Select<R> orderBy(Expression<?>... expressions) {
        List<Order> o = new ArrayList<>();
        for (Expression<?> e : expressions) {
            o.add(e.asc());
        }
        return copy(from, joins, where, groupBy, having, List.copyOf(o), limit, offset, distinct, lock, executor);
    }

    /**
     * Keyset pagination: the rows after the one whose ORDER BY values (given before this call) are {@code lastRowKeys}:
     * {@code orderBy(User_.name.asc(), User_.id.asc()).seek(lastName, lastId).limit(20)}; see {@link Seek}.
     *
     * @throws AthanorException without ORDER BY, or when the number of values differs from it, or a value is null
     */
    public Select<R> seek(Object... lastRowKeys) {
        return where(Seek.after(orderBy, lastRowKeys));
    }

    /**
     * At most {@code n} rows.
     *
     * @throws AthanorException if {@code n} is negative
     */
    public Select<R> limit(int n) {
        if (n < 0) {
            throw new AthanorException("limit must be 0 or more; it was " + n + ".");
        }
        return copy(from, joins, where, groupBy, having, orderBy, n, offset, distinct, lock, executor);
    }

    /**
     * Skips the first {@code n} rows.
     *
     * @throws AthanorException if {@code n} is negative
     */
    public Select<R> offset(int n) {
        if (n < 0) {
            throw new AthanorException("offset must be 0 or more; it was " + n + ".");
        }
        return copy(from, joins, where, groupBy, having, orderBy, limit, n, distinct, lock, executor);
    }

    /** SELECT DISTINCT. */
    public Select<R> distinct() {
        return copy(from, joins, where, groupBy, having, orderBy, limit, offset, true, lock, executor);
    }

    /** Locks the selected rows until the transaction ends ({@code FOR UPDATE}). */
    public Select<R> forUpdate() {
        return copy(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, Lock.WAIT, executor);
    }

    /** {@code FOR UPDATE SKIP LOCKED}: rows locked by others are left out (PostgreSQL, MariaDB). */
    public Select<R> forUpdateSkipLocked() {
        return copy(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, Lock.SKIP_LOCKED, executor);
    }

    /** {@code FOR UPDATE NOWAIT}: fails at once if a row is locked by another transaction. */
    public Select<R> forUpdateNoWait() {
        return copy(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, Lock.NOWAIT, executor);
    }

    /** This statement for use inside another (its session, if any, dropped): the seed's {@code .subquery()}. */
    public Select<R> subquery() {
        return copy(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock, null);
    }

    /** The statement with these common tables defined in front ({@code WITH [RECURSIVE] ...}). */
    public Select<R> with(CommonTable... tables) {
        List<CommonTable> all = new ArrayList<>(commonTables);
        all.addAll(Arrays.asList(tables));
        return new Select<>(entitySource, columns, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                executor, setOperations, List.copyOf(all), loads);
    }

    /** This statement as a derived table named {@code alias}, to select from. */
    public DerivedTable as(String alias) {
        return new DerivedTable(subquery(), alias);
    }

    /** This statement as a value ({@code (SELECT ...)}), for a subquery that returns one row and column. */
    public <T> Expression<T> asScalar() {
        return new ScalarSubquery<>(subquery());
    }

    /**
     * This entity select with loader options: how to load relationships of the returned entities for this
     * query only, over their mapping's {@code fetch}. Start options with the static methods of {@link Loads}:
     * {@code .options(joinedLoad(User_.orders), selectinLoad(User_.articles).lazyLoad(Article_.tags))}. With several
     * entities per row, each option applies to the entities of its first relationship's entity.
     *
     * @throws AthanorException if this selects no whole entity
     */
    public Select<R> options(Load... options) {
        if (entitySource == null && columns.stream().noneMatch(c -> EntityColumn.in(c) != null)) {
            throw new AthanorException("Loader options apply to entity selects (select(User.class)) and rows of entities "
                    + "(select(User.class, Order.class)); this statement selects only columns.");
        }
        List<Load> all = new ArrayList<>(loads);
        for (Load l : options) {
            all.add(java.util.Objects.requireNonNull(l, "option"));
        }
        return new Select<>(entitySource, columns, from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                executor, setOperations, commonTables, List.copyOf(all));
    }

    /** Whether the statement locks the rows it reads ({@code forUpdate()} and its variants), so it needs a transaction. */
    public boolean locks() {
        return lock != null;
    }

    /** The clauses that decide how results of several shards combine; see {@link SelectClauses}. */
    public SelectClauses clauses() {
        return new SelectClauses(columns, groupBy, having, orderBy, limit, offset, distinct, !setOperations.isEmpty());
    }

    /** The loader options given with {@link #options(Load...)}, in order. */
    public List<Load> loads() {
        return loads;
    }

    /**
     * The same statement (FROM, joins, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET) selecting only
     * {@code columns}, not bound to a session (SQLAlchemy's {@code with_only_columns}); for use as a subquery.
     */
    public Select<io.athanor.orm.engine.Row> withOnlyColumns(Expression<?>... columns) {
        if (!setOperations.isEmpty()) {
            throw new AthanorException("A statement combined with union, intersect or except cannot change its columns.");
        }
        return new Select<>(null, List.of(columns), from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock,
                null, List.of(), commonTables, List.of());
    }

    /** The same statement without its ORDER BY. */
    Select<R> unordered() {
        return copy(from, joins, where, groupBy, having, List.of(), limit, offset, distinct, lock, executor);
    }

    /** This statement bound to {@code executor}, so that {@link #list()} runs it there. */
    public Select<R> on(QueryExecutor executor) {
        return copy(from, joins, where, groupBy, having, orderBy, limit, offset, distinct, lock, executor);
    }

    // ---- running ----

    /**
     * Runs the statement and returns every result.
     *
     * @throws AthanorException if the statement belongs to no session
     */
    public List<R> list() {
        if (executor == null) {
            throw new AthanorException("This query belongs to no session: build it with session.select(...), or run it with "
                    + "session.list(query).");
        }
        return executor.list(this);
    }

    /**
     * Runs the statement and streams its results from a server-side cursor, 500 rows at a time, so
     * that a large result never sits in memory whole. Close the stream (try-with-resources), and read it
     * before the transaction ends; run no other statement in the session until it is closed. Entities
     * the session already holds come back as those instances; others are not added to the session
     * (that would keep every row in memory).
     */
    public java.util.stream.Stream<R> stream() {
        return stream(500);
    }

    /** {@link #stream()} reading {@code fetchSize} rows per round trip. */
    public java.util.stream.Stream<R> stream(int fetchSize) {
        if (fetchSize < 1) {
            throw new AthanorException("fetchSize must be 1 or more; it was " + fetchSize + ".");
        }
        if (executor == null) {
            throw new AthanorException("This query belongs to no session: build it with session.select(...).");
        }
        return executor.stream(this, fetchSize);
    }

    /**
     * The first column of the only row, as {@code type}: for {@code select(count()).from(...)} and the like.
     *
     * @throws ResultCountException if there was not exactly one row
     */
    public <T> T scalar(Class<T> type) {
        Object only = one();
        if (!(only instanceof io.athanor.orm.engine.Row)) {
            throw new AthanorException("scalar() is for queries of columns; this one selects whole entities.");
        }
        return ((io.athanor.orm.engine.Row) only).get(0, type);
    }

    /**
     * The only result.
     *
     * @throws ResultCountException if there were none or more than one
     */
    public R one() {
        return Results.one(limit == null ? limit(2).list() : list());
    }

    /**
     * The only result, or {@code null}.
     *
     * @throws ResultCountException if there was more than one
     */
    public R oneOrNull() {
        return Results.oneOrNull(limit == null ? limit(2).list() : list());
    }

    /** The first result (the query runs with LIMIT 1), or {@code null}. */
    public R first() {
        List<R> all = limit(1).list();
        return all.isEmpty() ? null : all.get(0);
    }

    // ---- compiler access ----

    /** Whether the statement selects whole entities. */
    public boolean selectsEntity() {
        return entitySource != null;
    }

    /** The entity source (class or {@link Aliased}) of an entity select; {@code null} otherwise. */
    public Object entitySource() {
        return entitySource;
    }

    /** The selected expressions of a column select, in order; empty for an entity select. */
    public List<Expression<?>> columns() {
        return columns;
    }

    /** The label each selected column reads back under: its {@code as(...)} label, or its field name. */
    public List<String> labels() {
        return Labels.of(columns);
    }

    @Override
    public List<Expression<?>> returnedColumns() {
        return columns;
    }

    @Override
    public List<String> returnedLabels() {
        return labels();
    }

    /**
     * The FROM item the statement starts from: given, or the entity or table of its first column that has one;
     * {@code null} for a statement of values alone ({@code SELECT ?}, no FROM).
     *
     * @throws AthanorException if the statement joins but has nothing to join to
     */
    public Object fromSource() {
        if (from != null) {
            return from;
        }
        for (Expression<?> c : columns) {
            Object s = sourceOf(c);
            if (s != null) {
                return s;
            }
        }
        if (joins.isEmpty()) {
            return null;
        }
        throw new AthanorException("Cannot tell which table to join to: no selected column belongs to an entity or "
                + "table. Add .from(Entity.class) or .from(table).");
    }

    private static Object sourceOf(Expression<?> e) {
        return SourceFinder.of(e);
    }

    /** Every FROM and JOIN item, in order. */
    public List<Object> sources() {
        List<Object> all = new ArrayList<>(joins.size() + 1);
        Object first = fromSource();
        if (first != null) {
            all.add(first);
        }
        for (Join j : joins) {
            all.add(j.target);
        }
        return Collections.unmodifiableList(all);
    }

    /** Renders the statement; called by the compiler. */
    @Override
    public void render(SqlBuilder b) {
        SelectRendering.render(this, b);
    }

    /** The statement that picks the parents' keys when joined collections meet a LIMIT, OFFSET or DISTINCT. */
    Select<?> keysOnly(Attribute<?, ?> key) {
        return new Select<>(null, List.of(new Label<>(key, "athanor_key")), from, joins, where, groupBy, having, orderBy,
                limit, offset, distinct, null, null, List.of(), List.of(), List.of());
    }

    /**
     * How many results {@link #list()} would return, counted by the database: {@code SELECT COUNT(*)} over the
     * rows, over the entity's keys where DISTINCT, grouping or a page (LIMIT/OFFSET, which the count respects)
     * needs a subquery; see the guide's "Counting". The ORDER BY is dropped.
     *
     * @throws AthanorException if the statement belongs to no session
     */
    public long count() {
        return CountQuery.count(this, new CountQuery.Parts(entitySource, columns, from == null ? fromSource() : from, joins,
                where, groupBy, having, limit, offset, distinct, !setOperations.isEmpty(), commonTables, executor));
    }

    /** This statement unordered, its columns labelled c1, c2...: a derived table whose column names never clash. */
    Select<R> relabelled() {
        return new Select<>(entitySource, CountQuery.relabel(columns), from, joins, where, groupBy, having, List.of(), limit,
                offset, distinct, null, null, setOperations, commonTables, List.of());
    }

    /**
     * Runs the statement and maps each row to {@code type} through its constructor, column by column
     * (a record's canonical constructor, or the one constructor whose parameter count matches).
     *
     * @throws AthanorException if no constructor fits, or a value cannot become its parameter's type
     */
    public <T> List<T> list(Class<T> type) {
        if (executor == null) {
            throw new AthanorException("This query belongs to no session: build it with session.select(...), or run it with "
                    + "session.list(query).");
        }
        if (entitySource != null) {
            throw new AthanorException("list(" + type.getSimpleName() + ".class) maps the columns of a column select; this "
                    + "query selects entities. Select the columns: session.select(A_.x, A_.y).list(" + type.getSimpleName()
                    + ".class).");
        }
        RowMapper<T> mapper = RowMapper.of(type, columns.size());
        return executor.list(this, mapper);
    }

    /** Readable SQL, values inline, for debugging. */
    @Override
    public String toString() {
        return DebugSql.render(this);
    }

    /** One UNION, INTERSECT or EXCEPT part. */
    static final class SetOperation {
        final String operator;
        final Select<?> select;

        SetOperation(String operator, Select<?> select) {
            this.operator = operator;
            this.select = select;
        }
    }

    enum Lock {
        WAIT(""), NOWAIT(" NOWAIT"), SKIP_LOCKED(" SKIP LOCKED");

        /** What follows {@code FOR UPDATE}. */
        final String waitOption;

        Lock(String waitOption) {
            this.waitOption = waitOption;
        }
    }
}
