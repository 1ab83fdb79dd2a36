package io.athanor.orm.internal.session;

import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.internal.load.EntityRows;
import io.athanor.orm.internal.load.LoadPlan;
import io.athanor.orm.internal.load.RowLoader;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.query.QueryExecutor;
import io.athanor.orm.query.Select;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a session's compiled selects on the connection of the engine they go to: entities through the identity map with
 * their relationships, rows of values, rows holding entities, and streams. One session's.
 */
final class SelectRunner {
    private final SessionTransaction tx;
    private final SessionRouting route;
    private final RowLoader loader;

    SelectRunner(SessionTransaction tx, SessionRouting route, RowLoader loader) {
        this.tx = tx;
        this.route = route;
        this.loader = loader;
    }

    /**
     * Runs a compiled select with its values; entities come through the identity map with their relationships, and
     * their {@code PostLoad} callbacks run once those are attached.
     */
    List<Object> run(CompiledSelect c, List<Object> values, Select<?> query, boolean locks) {
        int mark = loader.beginLoad();
        boolean completed = false;
        try {
            List<Object> results = runLoading(c, values, query, locks);
            completed = true;
            return results;
        } finally {
            loader.endLoad(mark, completed);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> runLoading(CompiledSelect c, List<Object> values, Select<?> query, boolean locks) {
        Map<LoadPlan, List<Object>> joined = c.joined().isEmpty() ? null : new HashMap<>();
        LoadGroup group = c.entity() == null ? null : new LoadGroup();
        Integer limit = c.entity() != null && joined == null && query != null ? query.clauses().limit() : null;
        int held = loader.held();
        EntityRows entities = entityRows(c, query, true);
        io.athanor.orm.engine.Engine engine = route.engineOf(query, c);
        List<Object> results = (locks ? tx.forWrite(engine) : tx.forRead(engine)).query(c.sql(), values,
                ps -> SessionRows.bind(ps, c.binders(), values),
                rs -> (List<Object>) (c.entity() == null ? (entities != null ? entities.rows(rs) : SessionRows.readRows(rs, c))
                        : joined == null ? loader.readEntities(rs, c, group, limit, query) : loader.readJoined(rs, c, joined, group)));
        if (entities != null) {
            entities.loadRelationships(query.loads());
        }
        if (c.entity() != null) {
            group.size = results.size();
            loader.loadRelationships(c.plan(), results, query, joined);
            if (joined == null) {
                loader.loaded(c, held);
            }
        }
        return results;
    }

    /**
     * Runs a compiled select whose rows {@code factory} makes into values of its own; through {@code direct}, when not
     * null, a {@code (ResultSet)Object} handle that reads one row's columns straight into the factory's constructor.
     */
    <T> List<T> rows(CompiledSelect c, List<Object> values, Select<?> query, QueryExecutor.RowFactory<T> factory,
                     java.lang.invoke.MethodHandle direct) {
        int mark = loader.beginLoad();
        boolean completed = false;
        try {
            List<T> result = rowsLoading(c, values, query, factory, direct);
            completed = true;
            return result;
        } finally {
            loader.endLoad(mark, completed);
        }
    }

    private <T> List<T> rowsLoading(CompiledSelect c, List<Object> values, Select<?> query, QueryExecutor.RowFactory<T> factory,
                                    java.lang.invoke.MethodHandle direct) {
        EntityRows entities = entityRows(c, query, true);
        io.athanor.orm.engine.Engine engine = route.engineOf(query, c);
        List<T> result = (query.locks() ? tx.forWrite(engine) : tx.forRead(engine)).query(c.sql(), values,
                ps -> SessionRows.bind(ps, c.binders(), values), rs -> {
            if (direct != null && entities == null) {
                return directRows(rs, direct);
            }
            PreparedWork.ColumnReader[] generic = PreparedWork.columnReaders(rs.getMetaData());
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(factory.create(entities != null ? entities.read(rs, generic) : SessionRows.values(rs, c.readers(), generic),
                        c.labels()));
            }
            return out;
        });
        if (entities != null) {
            entities.loadRelationships(query.loads());
        }
        return result;
    }

    /** Each row made by {@code direct}, {@code (ResultSet)Object}: the constructor called with the columns as read. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> directRows(ResultSet rs, java.lang.invoke.MethodHandle direct) throws SQLException {
        List<T> out = new ArrayList<>();
        try {
            while (rs.next()) {
                out.add((T) direct.invokeExact(rs));
            }
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // the reader wraps what a constructor throws; only the driver's SQLException is checked
            throw new IllegalStateException("Internal error reading a row: " + t, t);
        }
        return out;
    }

    /** Streams a compiled select in the transaction, {@code fetchSize} rows per round trip. */
    java.util.stream.Stream<Object> stream(CompiledSelect c, List<Object> values, Select<?> query, int fetchSize) {
        PreparedWork.Reader<Object> rowReader;
        EntityRows entities = c.rowEntities() == null ? null : new EntityRows(loader, c, false);
        if (c.entity() != null) {
            rowReader = loader.new EntityRowReader(c.entity(), false);
        } else {
            rowReader = new PreparedWork.Reader<>() {
                private PreparedWork.ColumnReader[] generic;

                @Override
                public Object read(ResultSet rs) throws SQLException {
                    if (generic == null) {
                        generic = PreparedWork.columnReaders(rs.getMetaData());
                    }
                    return entities != null ? entities.row(rs, generic) : SessionRows.readRow(rs, c, generic);
                }
            };
        }
        return tx.forWrite(route.engineOf(query, c)).stream(c.sql(), values, ps -> SessionRows.bind(ps, c.binders(), values),
                fetchSize, rowReader);
    }

    /** The reader of a select's several entities per row, its loader options checked; null for other selects. */
    private EntityRows entityRows(CompiledSelect c, Select<?> query, boolean keep) {
        EntityRows entities = c.rowEntities() == null ? null : new EntityRows(loader, c, keep);
        if (entities != null) {
            entities.checkOptions(query.loads());
        }
        return entities;
    }
}
