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
    /** Each engine with the entities whose tables it holds. */
    private final java.util.Map<Engine, List<EntityModel>> engines;
    private final Metadata metadata;
    private final DdlGenerator ddl;
    private final Runnable afterChange;

    public DefaultSchemaManager(java.util.Map<Engine, List<EntityModel>> engines, Metadata metadata, Runnable afterChange,
                                java.util.function.Function<EntityModel, String> viewSql) {
        this.engines = engines;
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
        for (java.util.Map.Entry<Engine, List<EntityModel>> e : engines.entrySet()) {
            if (e.getValue().contains(model)) {
                run(e.getKey(), ddl.refresh(model));
            }
        }
    }

    @Override
    public void createAll() {
        if (engines.size() == 1) {
            run(engines.keySet().iterator().next(), createStatements());
            return;
        }
        for (java.util.Map.Entry<Engine, List<EntityModel>> e : engines.entrySet()) {
            create(e.getKey(), types(e.getValue()));
        }
    }

    @Override
    public void dropAll() {
        if (engines.size() == 1) {
            run(engines.keySet().iterator().next(), dropStatements());
            return;
        }
        for (java.util.Map.Entry<Engine, List<EntityModel>> e : engines.entrySet()) {
            drop(e.getKey(), types(e.getValue()));
        }
    }

    @Override
    public void create(Class<?>... entities) {
        for (java.util.Map.Entry<Engine, List<EntityModel>> e : engines.entrySet()) {
            create(e.getKey(), on(e.getValue(), entities));
        }
    }

    @Override
    public void drop(Class<?>... entities) {
        for (java.util.Map.Entry<Engine, List<EntityModel>> e : engines.entrySet()) {
            drop(e.getKey(), on(e.getValue(), entities));
        }
    }

    /** Creates the tables of {@code entities} on {@code engine}, without foreign keys to tables it does not hold. */
    private void create(Engine engine, Class<?>... entities) {
        if (entities.length == 0) {
            return;
        }
        if (engines.size() == 1) {
            run(engine, ddl.create(tablesOf(true, entities), sequencesOf(entities)));
            return;
        }
        Set<String> here = new java.util.HashSet<>();
        for (EntityModel m : engines.get(engine)) {
            here.add(m.table().name() + "\u0000" + m.table().schema());
        }
        run(engine, ddl.create(tablesOf(true, entities), sequencesOf(entities),
                fk -> here.contains(fk.referencedTable() + "\u0000" + fk.referencedSchema())));
    }

    private void drop(Engine engine, Class<?>... entities) {
        if (entities.length > 0) {
            run(engine, ddl.drop(tablesOf(false, entities), sequencesOf(entities)));
        }
    }

    private static Class<?>[] types(List<EntityModel> models) {
        return models.stream().map(EntityModel::type).toArray(Class<?>[]::new);
    }

    /** Those of {@code entities} whose tables {@code held} (an engine's entities) holds. */
    private Class<?>[] on(List<EntityModel> held, Class<?>... entities) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> type : entities) {
            if (held.contains(metadata.entity(type))) {
                out.add(type);
            }
        }
        return out.toArray(new Class<?>[0]);
    }

    @Override
    public List<String> createStatements() {
        return ddl.createAll();
    }

    @Override
    public List<String> dropStatements() {
        return ddl.dropAll();
    }

    private void run(Engine engine, List<String> statements) {
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

    /**
     * The tables of {@code entities} and their link tables, in the metadata's dependency order; a link table that
     * is also an entity's table is that entity's (by name), so it comes once, with all the entity's columns. To
     * create an entity of a joined hierarchy, the tables of the classes it extends come too ({@code ancestors}).
     */
    private List<TableModel> tablesOf(boolean ancestors, Class<?>... entities) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Class<?> type : entities) {
            EntityModel e = metadata.entity(type);
            wanted.add(e.table().fullName());
            if (ancestors && e.joined() != null) {
                e.joined().parts().forEach(p -> wanted.add(p.table().fullName()));
            }
            for (RelationshipModel r : e.relationships()) {
                if (r.joinTable() != null) {
                    wanted.add(r.joinTable().fullName());
                }
            }
        }
        List<TableModel> ordered = new ArrayList<>();
        for (TableModel t : metadata.tables()) {
            if (wanted.contains(t.fullName())) {
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
