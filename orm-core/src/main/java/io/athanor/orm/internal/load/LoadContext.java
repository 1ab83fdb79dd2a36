package io.athanor.orm.internal.load;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.proxy.ProxyFactory;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Select;
import java.util.List;

/** What loading needs from its session: the narrow interface through which rows become the session's instances. */
public interface LoadContext {

    Metadata metadata();

    IdentityMap identityMap();

    /** The session as its users see it (dynamic collections add and delete through it). */
    Session session();

    /** Whether the session is open. */
    boolean isOpen();

    NPlusOne nPlusOne();

    ProxyFactory proxies();

    /**
     * The connection for reads of {@code entity}'s rows (autoflush already done by the caller where it applies):
     * its engine's, or the current shard's.
     */
    Connection readConnection(EntityModel entity);

    /** The shard rows are read from now (identity-map keys carry it), or {@code null} where entities are not sharded. */
    String shard();

    /** Runs {@code work} with its queries on {@code shard} (the shard of the instances it loads for); as is for null. */
    <T> T onShard(String shard, java.util.function.Supplier<T> work);

    /** Whether the rows of {@code a} and {@code b} are in one database, so that one statement may read both. */
    boolean sameDatabase(Class<?> a, Class<?> b);

    /** Runs an entity query through the session (autoflush, identity map, loader strategies). */
    <R> List<R> list(Select<R> query);

    /** The load plan of a query of {@code model} with {@code loads}. */
    LoadPlan loadPlan(EntityModel model, List<Load> loads);
}
