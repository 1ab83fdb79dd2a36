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
 * kept until {@link #commit()}, {@link #rollback()} or {@link #close()}. Where entities live on several
 * engines ({@link Binds#builder(io.athanor.orm.engine.Engine)}{@code .entity(...)}, {@link Shards}), the session
 * holds one connection per engine it uses, all in one transaction state; see {@link PartialCommitException}.
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
     * SELECT several entities, or entities and expressions, per row: {@code select(User.class, Order.class)},
     * {@code select(User.class, count(Order_.id))} (see {@link io.athanor.orm.query.EntityColumn}). Each entity comes
     * through the identity map; an outer join that found none gives {@code null}.
     */
    Select<Row> select(Class<?> entity, Object... more);

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
     *
     * @throws io.athanor.orm.error.InvalidValueException if {@code id} is {@code null} (a key is required)
     * @throws io.athanor.orm.error.AthanorException      if {@code id} is not of the key's type
     */
    <E> E get(Class<E> type, Object id);

    /** Whether {@code entity} is in this session (loaded or added, and not deleted). */
    boolean contains(Object entity);

    /**
     * Adds a new entity; the next flush inserts it and gives it its generated key. Adding an entity
     * the session holds again does nothing (or undoes a pending delete). Relationships marked
     * {@code cascade = PERSIST} add their entities too.
     *
     * @throws io.athanor.orm.error.AthanorException if the class is not a registered entity
     * @throws IllegalStateException                 if the session is closed or awaits rollback()
     */
    void add(Object entity);

    /** {@link #add} for each of {@code entities}. */
    void addAll(java.util.Collection<?> entities);

    /**
     * Marks an entity for deletion at the next flush (relationships with {@code cascade = REMOVE}
     * too); a new, never flushed entity is simply forgotten.
     *
     * @throws io.athanor.orm.error.AthanorException if the entity is not in this session
     */
    void delete(Object entity);

    /** Forgets {@code entity}: its changes are no longer tracked or flushed. */
    void expunge(Object entity);

    /** Forgets every entity the session holds, changes included. */
    void clear();

    /**
     * Writes pending changes to the database without committing: inserts (parents first, batched,
     * generated keys set on the instances), updates of changed columns only, deletes (children first).
     * The seed's "flush to get ids". If it fails, the transaction is rolled back, the database is as
     * it was, instances keep their state (generated keys and versions undone), and the session accepts
     * only {@link #rollback()} or {@link #close()}.
     *
     * @throws io.athanor.orm.error.ConstraintViolationException (a specific kind) when a constraint is broken
     * @throws StaleObjectException                              when a versioned row changed since it was read
     */
    void flush();

    /**
     * Inserts rows given as maps from field name to value (the seed's {@code bulk_insert_mappings}), in
     * JDBC batches grouped by the set of fields given, bypassing the identity map: nothing is added to
     * the session and generated keys are not read back.
     *
     * @return the number of rows inserted
     * @throws io.athanor.orm.error.AthanorException if a key is not a field of the entity or a value has the wrong type
     */
    long bulkInsertMappings(Class<?> entity, java.util.List<? extends Map<String, ?>> rows);

    /**
     * {@link #bulkInsertMappings(Class, java.util.List)} sent the way {@code mode} says:
     * {@link BulkMode#COPY} streams the rows through PostgreSQL's COPY.
     *
     * @throws io.athanor.orm.error.AthanorException for COPY on another database
     */
    long bulkInsertMappings(Class<?> entity, java.util.List<? extends Map<String, ?>> rows, BulkMode mode);

    /**
     * Updates rows given as maps from field name to value, each holding the primary key (the seed's
     * {@code bulk_update_mappings}): one batched {@code UPDATE ... SET <given fields> WHERE <key>} per
     * set of fields given. For a subclass of a single-table hierarchy the {@code WHERE} also keeps to the rows of
     * that class and its subclasses. A row whose key matches no such row updates nothing and is not an error.
     * Instances the session holds for the updated rows take the written values (in their snapshots too).
     *
     * @return the number of rows updated: rows whose key matched nothing are not counted
     */
    long bulkUpdateMappings(Class<?> entity, java.util.List<? extends Map<String, ?>> rows);

    /**
     * Copies the state of {@code entity} (typically detached: from another session, or deserialised)
     * onto the instance this session holds for the same key, loading it if needed, and returns that
     * instance; an entity with no row yet is added instead and returned. The next flush writes the
     * differences. Relationships that cascade {@code MERGE} are merged too: a to-one gets the merged
     * parent, a collection the merged versions of the copy's elements (changed in place, so elements the
     * copy no longer holds are unlinked, or deleted at the flush under orphan removal). Without the cascade,
     * a to-one parent is kept as a reference to its row. What the copy has not loaded (a lazy collection or
     * reference) is left as the session has it, and a null to-one in the copy (one read by a stream, or
     * filled in part) leaves the parent as it is: clear it on the returned instance instead.
     *
     * @throws io.athanor.orm.StaleObjectException when a {@code @Version} of the copy differs from its
     *         row's; nothing is copied then
     */
    <E> E merge(E entity);

    /**
     * A lazy reference to the {@code type} row with key {@code id}, without a statement: the instance the
     * session holds, or a generated subclass of {@code type} that reads its row on its first method call
     * other than the id getter. Use it to set a reference ({@code order.setUser(s.getReference(User.class, 5L))})
     * without loading the row. For an entity of a single-table hierarchy, a new reference is of {@code type}
     * itself, whatever class its row turns out to be (no row has been read): use {@link #get} where the subclass
     * matters.
     *
     * @throws io.athanor.orm.error.AthanorException if the key is missing, of the wrong type, or composite; or if the
     *         session holds the key as a reference of a superclass of {@code type}
     * @throws EntityNotFoundException (later, on first use) if there is no such row; at once if the session holds
     *         the row as an instance of another class
     */
    <E> E getReference(Class<E> type, Object id);

    /**
     * Marks {@code entity} expired: the next time this session returns it (from {@code get}, a query, or a
     * lazy reference) its columns are read again. Changes made to it since it was expired are kept and
     * flushed as usual. See also {@code SessionFactoryBuilder.expireOnCommit}.
     *
     * @throws io.athanor.orm.error.AthanorException if the entity is not one this session loaded
     */
    void expire(Object entity);

    /**
     * Reloads {@code entity}'s columns from the database, discarding unflushed changes to them.
     *
     * @throws io.athanor.orm.error.AthanorException if the entity is not in the session or its row is gone
     */
    void refresh(Object entity);

    /** Marks the start of a transaction explicitly (it begins anyway with the first statement); refuses to nest. */
    void begin();

    /** Flushes, then sets a savepoint: rolling it back undoes what was written after it, keeping earlier work. */
    io.athanor.orm.engine.Savepoint beginNested();

    /**
     * Runs raw SQL with named parameters in the session's transaction, beginning it if none is open.
     *
     * @throws io.athanor.orm.error.DatabaseException (or a subtype) if the database rejects the statement
     * @throws IllegalStateException if the session is closed or waits for {@link #rollback()}
     */
    Result execute(Text sql, Map<String, ?> params);

    /**
     * Runs raw SQL that takes no parameters in the session's transaction, beginning it if none is open;
     * the same as {@code execute(sql, Map.of())}.
     *
     * @throws io.athanor.orm.error.DatabaseException (or a subtype) if the database rejects the statement
     * @throws IllegalStateException if the session is closed or waits for {@link #rollback()}
     */
    default Result execute(Text sql) {
        return execute(sql, Map.of());
    }

    /**
     * Where the primary's log stood after this session's latest commit, when the factory has PostgreSQL
     * replicas (empty otherwise, and before a commit). Open a read-only session with {@link
     * SessionOptions#after(CommitPosition)} this position to read, from a replica, what this session wrote.
     */
    java.util.Optional<CommitPosition> commitPosition();

    /**
     * The shard {@code instance} lives in (or goes to, once a flush placed it), for a factory built over {@link
     * Shards}.
     *
     * @throws io.athanor.orm.error.AthanorException if the factory is not sharded, or the session does not hold the
     *                                               instance, or it is new and not flushed yet
     */
    String shardOf(Object instance);

    /**
     * This session's statements on shard {@code name} only (SQLAlchemy's {@code set_shard}); see {@link ShardScope}.
     *
     * @throws io.athanor.orm.error.AthanorException if the factory is not sharded or has no such shard
     */
    ShardScope onShard(String name);

    /**
     * Flushes pending changes and commits.
     *
     * @throws io.athanor.orm.error.CommitOutcomeUnknownException if the connection was lost while the commit
     *         ran: the transaction may or may not have been committed. The session then accepts only
     *         {@link #rollback()} (which returns normally and forgets the transaction's new instances, as after
     *         any failed commit) or {@link #close()}; check the data in a new transaction before writing again
     */
    void commit();

    /**
     * Rolls the transaction back. Instances the transaction inserted, and new ones not yet flushed, leave
     * the session (add them again to retry; keys the database generated for them are cleared); instances
     * marked for deletion are kept; every instance the session still holds is expired, so that the next
     * time the session returns it its columns are read again, keeping changes made to it since. This is
     * also how a session leaves the state a failed flush put it in.
     */
    void rollback();

    /** Whether {@link #close()} has not been called. */
    boolean isOpen();

    /** Rolls back anything uncommitted and returns the connection. Closing twice does nothing. */
    @Override
    void close();
}
