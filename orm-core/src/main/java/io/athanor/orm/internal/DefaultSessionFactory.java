package io.athanor.orm.internal;

import io.athanor.orm.SessionFactory;
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

    public DefaultSessionFactory(Engine engine, Dialect dialect, Metadata metadata) {
        this.engine = engine;
        this.dialect = dialect;
        this.metadata = metadata;
        this.schema = new DefaultSchemaManager(engine, metadata);
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
