package io.athanor.orm.internal.session;

import io.athanor.orm.ShardScope;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.QueryExecutor;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Sql;
import io.athanor.orm.query.Statement;
import java.util.List;
import java.util.Map;

/** A session's statements pinned to one shard: each call runs through the session with that shard pinned. */
final class DefaultShardScope implements ShardScope, QueryExecutor {
    private final DefaultSession session;
    private final String shard;

    DefaultShardScope(DefaultSession session, String shard) {
        this.session = session;
        this.shard = shard;
    }

    @Override
    public String shard() {
        return shard;
    }

    @Override
    public <E> Select<E> select(Class<E> entity) {
        return Sql.select(entity).on(this);
    }

    @Override
    public Select<Row> select(Expression<?>... columns) {
        return Sql.select(columns).on(this);
    }

    @Override
    public <E> E get(Class<E> type, Object id) {
        return session.onShard(shard, () -> session.get(type, id));
    }

    @Override
    public long execute(Statement change) {
        return session.onShard(shard, () -> session.execute(change));
    }

    @Override
    public Result execute(Text sql, Map<String, ?> params) {
        return session.onShard(shard, () -> session.execute(sql, params));
    }

    @Override
    public <R> List<R> list(Select<R> select) {
        return session.onShard(shard, () -> session.list(select));
    }

    @Override
    public <T> List<T> list(Select<?> select, RowFactory<T> factory) {
        return session.onShard(shard, () -> session.list(select, factory));
    }

    @Override
    public <R> java.util.stream.Stream<R> stream(Select<R> select, int fetchSize) {
        return session.onShard(shard, () -> session.stream(select, fetchSize));
    }

    @Override
    public List<Row> fetch(Statement change) {
        return session.onShard(shard, () -> session.fetch(change));
    }

    @Override
    public String toString() {
        return "ShardScope[" + shard + "]";
    }
}
