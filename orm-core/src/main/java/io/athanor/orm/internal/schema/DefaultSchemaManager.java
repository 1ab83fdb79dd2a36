package io.athanor.orm.internal.schema;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.meta.SequenceModel;
import io.athanor.orm.internal.meta.TableModel;
import io.athanor.orm.schema.SchemaManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs the DDL of a metadata through an engine. */
public final class DefaultSchemaManager implements SchemaManager {
    private final Engine engine;
    private final Metadata metadata;
    private final DdlGenerator ddl;
    private final Runnable afterChange;

    public DefaultSchemaManager(Engine engine, Metadata metadata, Runnable afterChange,
                                java.util.function.Function<EntityModel, String> viewSql) {
        this.engine = engine;
        this.metadata = metadata;
        this.ddl = new DdlGenerator(metadata, viewSql);
        this.afterChange = afterChange;
    }

    /** Fills a materialized view with its query's current result. */
    public void refresh(Class<?> view) {
        EntityModel model = metadata.entity(view);
        if (!model.isView()) {
            throw new io.athanor.orm.error.AthanorException(model.name() + " is a table, not a materialized view; only views "
                    + "are refreshed.");
        }
        run(ddl.refresh(model));
    }

    @Override
    public void createAll() {
        run(createStatements());
    }

    @Override
    public void dropAll() {
        run(dropStatements());
    }

    @Override
    public void create(Class<?>... entities) {
        run(ddl.create(tablesOf(entities), sequencesOf(entities)));
    }

    @Override
    public void drop(Class<?>... entities) {
        run(ddl.drop(tablesOf(entities), sequencesOf(entities)));
    }

    @Override
    public List<String> createStatements() {
        return ddl.createAll();
    }

    @Override
    public List<String> dropStatements() {
        return ddl.dropAll();
    }

    private void run(List<String> statements) {
        try {
            engine.runInTransaction(c -> {
                for (String sql : statements) {
                    c.execute(Text.text(sql));
                }
            });
        } finally {
            afterChange.run();
        }
    }

    /** The tables of {@code entities} and their link tables, in the metadata's dependency order. */
    private List<TableModel> tablesOf(Class<?>... entities) {
        Set<TableModel> wanted = new LinkedHashSet<>();
        for (Class<?> type : entities) {
            EntityModel e = metadata.entity(type);
            wanted.add(e.table());
            for (RelationshipModel r : e.relationships()) {
                if (r.joinTable() != null) {
                    wanted.add(r.joinTable());
                }
            }
        }
        List<TableModel> ordered = new ArrayList<>();
        for (TableModel t : metadata.tables()) {
            if (wanted.contains(t)) {
                ordered.add(t);
            }
        }
        return ordered;
    }

    private List<SequenceModel> sequencesOf(Class<?>... entities) {
        List<SequenceModel> out = new ArrayList<>();
        for (Class<?> type : entities) {
            for (PropertyModel p : metadata.entity(type).properties()) {
                if (p.sequence() != null && !out.contains(p.sequence())) {
                    out.add(p.sequence());
                }
            }
        }
        return out;
    }
}
