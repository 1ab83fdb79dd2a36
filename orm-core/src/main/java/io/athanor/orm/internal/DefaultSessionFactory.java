package io.athanor.orm.internal;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.query.QueryCacheStats;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.schema.DefaultSchemaManager;
import io.athanor.orm.schema.SchemaManager;

/** The session factory: engine, dialect and frozen metadata. */
public final class DefaultSessionFactory implements SessionFactory {
    private final Engine engine;
    private final Dialect dialect;
    private final Metadata metadata;
    private final SchemaManager schema;
    private final QueryCompiler compiler;

    public DefaultSessionFactory(Engine engine, Dialect dialect, Metadata metadata, int queryCacheSize) {
        this.engine = engine;
        this.dialect = dialect;
        this.metadata = metadata;
        this.schema = new DefaultSchemaManager(engine, metadata);
        this.compiler = new QueryCompiler(metadata, queryCacheSize);
    }

    @Override
    public Session open() {
        return new DefaultSession(this);
    }

    @Override
    public QueryCacheStats queryCacheStats() {
        return compiler.stats();
    }

    /** The statement compiler of this factory's dialect. */
    public QueryCompiler compiler() {
        return compiler;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public SchemaManager schema() {
        return schema;
    }

    /** The mapping, for the session and query layers. */
    public Metadata metadata() {
        return metadata;
    }
}
