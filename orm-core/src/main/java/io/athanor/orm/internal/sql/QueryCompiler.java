package io.athanor.orm.internal.sql;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.EntityColumn;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.QueryCacheStats;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Statement;
import java.util.List;

/**
 * Compiles statements for one metadata (and so one dialect), once per shape: a statement whose
 * structure was seen before only has its values collected. Thread-safe.
 */
public final class QueryCompiler {
    private final Metadata metadata;
    private final StatementCache cache;
    private final JoinedLoads loads;
    private final DirectRows directRows = new DirectRows();

    public QueryCompiler(Metadata metadata, int cacheSize) {
        this.metadata = metadata;
        this.cache = new StatementCache(cacheSize);
        this.loads = new JoinedLoads(metadata);
    }

    /** The load plans of entity selects. */
    public JoinedLoads loads() {
        return loads;
    }

    /** The compiled form of {@code select} and its bind values, in placeholder order. */
    public Bound compile(Statement select) {
        ShapeBuilder shape = new ShapeBuilder(metadata, loads);
        select.render(shape);
        int limit = metadata.dialect().maxParameters();
        if (shape.values().size() > limit) {
            throw new AthanorException(String.format(java.util.Locale.ROOT, "This statement has %,d parameters, and %s takes at "
                    + "most %,d in one statement. A long in(...) list binds as one array parameter where the column's type "
                    + "allows (numbers, text, UUIDs, dates and times, enums); otherwise split the list and run the statement "
                    + "once per part.", shape.values().size(), io.athanor.orm.internal.types.StoredValues.displayName(metadata.dialect()),
                    limit));
        }
        ShapeKey key = shape.key();
        CompiledSelect compiled = cache.get(key);
        if (compiled == null) {
            compiled = render(select);
            if (compiled.binders().length != shape.values().size()) {
                throw new AthanorException("Internal error: the statement rendered " + compiled.binders().length
                        + " parameters but its shape has " + shape.values().size() + ": " + select);
            }
            compiled = cache.put(key.trimmed(), compiled);
        }
        compiled.checkValues(shape.values(), metadata.dialect());
        return new Bound(compiled, shape.values());
    }

    private CompiledSelect render(Statement statement) {
        SqlRenderer r = new SqlRenderer(metadata, loads);
        statement.render(r);
        if (statement instanceof Select && ((Select<?>) statement).selectsEntity()) {
            Select<?> select = (Select<?>) statement;
            io.athanor.orm.internal.meta.EntityModel entity = r.entityOf(select.entitySource());
            return new CompiledSelect(r.sql(), r.binders(), entity, List.of(), null, r.bindTargets(), r.bindNames(),
                    loads.plan(entity, select.loads()), r.joinedNodes());
        }
        List<Expression<?>> columns = statement.returnedColumns();
        ColumnType[] readers = new ColumnType[columns.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = r.readerFor(columns.get(i));
        }
        return new CompiledSelect(r.sql(), r.binders(), null, statement.returnedLabels(), readers, r.bindTargets(), r.bindNames(),
                null, List.of(), rowEntities(r, columns));
    }

    /** Where each column starts, when some columns are whole entities ({@code select(User.class, Order.class)}). */
    private static CompiledSelect.RowEntities rowEntities(SqlRenderer r, List<Expression<?>> columns) {
        io.athanor.orm.internal.meta.EntityModel[] models = new io.athanor.orm.internal.meta.EntityModel[columns.size()];
        int[] offsets = new int[columns.size()];
        boolean any = false;
        int offset = 0;
        for (int i = 0; i < columns.size(); i++) {
            EntityColumn<?> c = EntityColumn.in(columns.get(i));
            offsets[i] = offset;
            if (c != null) {
                models[i] = r.entityOf(c.source());
                offset += models[i].rowColumns().size();
                any = true;
            } else {
                offset++;
            }
        }
        return any ? new CompiledSelect.RowEntities(models, offsets) : null;
    }

    /**
     * A reader of the rows of the column select {@code c} that calls {@code constructor} (of type
     * {@code (P0, ..., Pn-1)R}) with each row's columns as read, of type {@code (ResultSet)Object}; built once per
     * constructor and columns. Null when some column has no reader of its own, or the counts differ.
     */
    public java.lang.invoke.MethodHandle rowReader(CompiledSelect c, java.lang.invoke.MethodHandle constructor) {
        return directRows.reader(c, constructor);
    }

    public QueryCacheStats stats() {
        return cache.stats();
    }

    /**
     * A compiled statement with this execution's values.
     *
     * @param compiled the shape's SQL, binders and readers
     * @param values   the bind values, in placeholder order
     */
    public record Bound(CompiledSelect compiled, List<Object> values) {
    }
}
