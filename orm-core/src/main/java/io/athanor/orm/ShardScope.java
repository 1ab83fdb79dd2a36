package io.athanor.orm;

import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Statement;
import java.util.Map;

/**
 * A session's statements on one named shard, whatever the query and identity choosers say: from {@link
 * Session#onShard(String)}. Queries built here run on the shard (instances come into the session's identity
 * map under that shard), and their relationships load from it.
 *
 * <pre>{@code
 * List<Order> euOrders = session.onShard("eu").select(Order.class).orderBy(Order_.id).list();
 * long n = session.onShard("eu").select(count()).from(Order.class).one().get(0, Long.class);
 * }</pre>
 *
 * <p>Belongs to its session: not thread-safe, and no longer usable once the session is closed.
 */
public interface ShardScope {

    /** The shard's name. */
    String shard();

    /** A query for whole entities, run on this shard. */
    <E> Select<E> select(Class<E> entity);

    /** A query for columns and expressions, run on this shard; aggregates and GROUP BY are allowed here. */
    Select<Row> select(Expression<?>... columns);

    /** The instance of {@code type} with key {@code id} in this shard, or {@code null}; see {@link Session#get}. */
    <E> E get(Class<E> type, Object id);

    /** Runs an INSERT, UPDATE or DELETE statement on this shard; returns the number of rows. */
    long execute(Statement change);

    /** Runs raw SQL with named parameters on this shard, in the session's transaction. */
    Result execute(Text sql, Map<String, ?> params);
}
