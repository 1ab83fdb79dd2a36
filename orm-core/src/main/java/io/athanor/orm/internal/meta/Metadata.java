package io.athanor.orm.internal.meta;

import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.error.AthanorException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The frozen mapping of every registered entity for one dialect: entities, tables in dependency
 * order, sequences and schemas. Immutable and thread-safe.
 */
public final class Metadata {
    private final Dialect dialect;
    private final Map<Class<?>, EntityModel> entities;
    private final List<TableModel> tables;
    private final List<SequenceModel> sequences;
    private final List<String> schemas;

    Metadata(Dialect dialect, Map<Class<?>, EntityModel> entities, List<TableModel> tables, List<SequenceModel> sequences,
             List<String> schemas) {
        this.dialect = dialect;
        this.entities = Map.copyOf(entities);
        this.tables = List.copyOf(tables);
        this.sequences = List.copyOf(sequences);
        this.schemas = List.copyOf(schemas);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * The mapping of {@code type}.
     *
     * @throws AthanorException if it was not registered
     */
    public EntityModel entity(Class<?> type) {
        EntityModel e = entities.get(type);
        if (e == null) {
            throw new AthanorException(type.getName() + " is not a registered entity. Register it with "
                    + "SessionFactory.builder(engine).entities(" + type.getSimpleName() + ".class, ...).");
        }
        return e;
    }

    public Collection<EntityModel> entities() {
        return entities.values();
    }

    /** Every table, parents before the tables that refer to them. */
    public List<TableModel> tables() {
        return tables;
    }

    public List<SequenceModel> sequences() {
        return sequences;
    }

    /** The non-default schemas the tables and sequences live in. */
    public List<String> schemas() {
        return schemas;
    }
}
