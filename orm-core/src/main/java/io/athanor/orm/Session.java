package io.athanor.orm;

import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Select;
import java.util.List;
import java.util.Map;

/**
 * A conversation with the database: one connection and transaction at a time, and an identity map
 * that holds one instance per primary key, whichever query loaded it. Open one per unit of work with
 * {@link SessionFactory#open()} and close it (try-with-resources).
 *
 * <pre>{@code
 * try (Session s = sessions.open()) {
 *     List<User> users = s.select(User.class).where(User_.name.like("A%")).list();
 *     List<Row> stats = s.select(User_.name, count(Order_.id).as("orders")).outerJoin(Order.class)
 *                        .groupBy(User_.id, User_.name).list();
 * }
 * }</pre>
 *
 * <p>The connection is taken from the engine on the first statement (the transaction begins then) and
 * kept until {@link #commit()}, {@link #rollback()} or {@link #close()}.
 *
 * <p>Not thread-safe: a session belongs to one thread at a time. It is cheap to open.
 */
public interface Session extends AutoCloseable {

    /** A query for whole entities, to refine and run ({@code .where(...).list()}). */
    <E> Select<E> select(Class<E> entity);

    /** A query for whole entities through an alias. */
    <E> Select<E> select(Aliased<E> entity);

    /** A query for columns and expressions; results are {@link Row}s. */
    Select<Row> select(Expression<?>... columns);

    /**
     * Runs a statement built anywhere (e.g. with {@link io.athanor.orm.query.Sql#select}).
     *
     * @throws io.athanor.orm.error.DatabaseException if the database rejects it
     * @throws IllegalStateException                  if the session is closed
     */
    <R> List<R> list(Select<R> query);

    /** An INSERT into {@code entity}'s table, to fill and run ({@code .set(...).execute()}). */
    <E> io.athanor.orm.query.Insert<E> insert(Class<E> entity);

    /** An UPDATE of {@code entity}'s table; it leaves instances already in this session as they are. */
    <E> io.athanor.orm.query.Update<E> update(Class<E> entity);

    /** A DELETE from {@code entity}'s table; it leaves instances already in this session as they are. */
    <E> io.athanor.orm.query.Delete<E> delete(Class<E> entity);

    /**
     * The entity of {@code type} with primary key {@code id}: from the identity map if this session
     * already loaded it, otherwise with one SELECT; {@code null} if there is no such row.
     */
    <E> E get(Class<E> type, Object id);

    /** Whether {@code entity} is in this session's identity map. */
    boolean contains(Object entity);

    /** Runs raw SQL with named parameters in the session's transaction. */
    Result execute(Text sql, Map<String, ?> params);

    /** Commits the transaction, if one began. */
    void commit();

    /** Rolls the transaction back, if one began, and forgets the instances it loaded. */
    void rollback();

    /** Whether {@link #close()} has not been called. */
    boolean isOpen();

    /** Rolls back anything uncommitted and returns the connection. Closing twice does nothing. */
    @Override
    void close();
}
