package io.athanor.orm.internal.session;

import io.athanor.orm.Session;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.Aliased;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.QueryExecutor;
import io.athanor.orm.query.Delete;
import io.athanor.orm.query.Insert;
import io.athanor.orm.query.Select;
import io.athanor.orm.query.Statement;
import io.athanor.orm.query.Update;
import io.athanor.orm.query.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The session: a lazily taken connection, an identity map, and query execution. */
public final class DefaultSession implements Session, QueryExecutor {
    private final DefaultSessionFactory factory;
    private final Map<EntityKey, Object> identityMap = new HashMap<>();
    private final Map<Object, EntityKey> keys = new IdentityHashMap<>();
    private Connection connection;
    private boolean closed;

    public DefaultSession(DefaultSessionFactory factory) {
        this.factory = factory;
    }

    private Connection connection() {
        if (closed) {
            throw new IllegalStateException("This session is closed; open a new one with sessions.open().");
        }
        if (connection == null) {
            connection = factory.engine().connect();
        }
        return connection;
    }

    @Override
    public <E> Select<E> select(Class<E> entity) {
        return Sql.select(entity).on(this);
    }

    @Override
    public <E> Select<E> select(Aliased<E> entity) {
        return Sql.select(entity).on(this);
    }

    @Override
    public Select<Row> select(Expression<?>... columns) {
        return Sql.select(columns).on(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> List<R> list(Select<R> query) {
        QueryCompiler.Bound bound = factory.compiler().compile(query);
        CompiledSelect c = bound.compiled();
        List<Object> values = bound.values();
        return connection().query(c.sql(), values, ps -> bind(ps, c.binders(), values),
                rs -> (List<R>) (c.entity() != null ? readEntities(rs, c.entity()) : readRows(rs, c)));
    }

    @Override
    public long execute(Statement change) {
        QueryCompiler.Bound bound = factory.compiler().compile(change);
        CompiledSelect c = bound.compiled();
        List<Object> values = bound.values();
        return connection().update(c.sql(), values, ps -> bind(ps, c.binders(), values));
    }

    @Override
    public List<Row> fetch(Statement change) {
        QueryCompiler.Bound bound = factory.compiler().compile(change);
        CompiledSelect c = bound.compiled();
        List<Object> values = bound.values();
        return connection().query(c.sql(), values, ps -> bind(ps, c.binders(), values), rs -> readRows(rs, c));
    }

    @Override
    public <E> Insert<E> insert(Class<E> entity) {
        return Sql.insert(entity).on(this);
    }

    @Override
    public <E> Update<E> update(Class<E> entity) {
        return Sql.update(entity).on(this);
    }

    @Override
    public <E> Delete<E> delete(Class<E> entity) {
        return Sql.delete(entity).on(this);
    }

    private static void bind(PreparedStatement ps, ColumnType[] binders, List<Object> values) throws SQLException {
        for (int i = 0; i < binders.length; i++) {
            if (binders[i] != null) {
                binders[i].bind(ps, i + 1, values.get(i));
            } else {
                PreparedWork.bindValue(ps, i + 1, values.get(i));
            }
        }
    }

    private List<Object> readEntities(ResultSet rs, EntityModel model) throws SQLException {
        EntityRowReader reader = new EntityRowReader(model, true);
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(reader.read(rs));
        }
        return out;
    }

    /** Reads one entity per row, through the identity map. */
    private final class EntityRowReader implements PreparedWork.Reader<Object> {
        private final EntityModel model;
        private final List<PropertyModel> properties;
        private final int[] idColumns;
        private final boolean register;

        EntityRowReader(EntityModel model, boolean register) {
            this.model = model;
            this.register = register;
            this.properties = model.properties();
            this.idColumns = new int[model.idProperties().size()];
            for (int i = 0, k = 0; i < properties.size(); i++) {
                if (properties.get(i).id()) {
                    idColumns[k++] = i;
                }
            }
        }

        @Override
        public Object read(ResultSet rs) throws SQLException {
            Object id = idColumns.length == 1 ? properties.get(idColumns[0]).column().type().read(rs, idColumns[0] + 1)
                    : compositeId(rs, properties, idColumns);
            EntityKey key = new EntityKey(model.type(), id);
            Object instance = identityMap.get(key);
            if (instance == null) {
                instance = model.newInstance();
                for (int i = 0; i < properties.size(); i++) {
                    PropertyModel p = properties.get(i);
                    Object value = p.column().type().read(rs, i + 1);
                    if (value != null || p.column().nullable()) {
                        p.accessor().set(instance, value);
                    }
                }
                if (register) {
                    identityMap.put(key, instance);
                    keys.put(instance, key);
                }
            }
            return instance;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> java.util.stream.Stream<R> stream(Select<R> query, int fetchSize) {
        QueryCompiler.Bound bound = factory.compiler().compile(query);
        CompiledSelect c = bound.compiled();
        List<Object> values = bound.values();
        PreparedWork.Reader<Object> rowReader;
        if (c.entity() != null) {
            rowReader = new EntityRowReader(c.entity(), false);
        } else {
            rowReader = new PreparedWork.Reader<>() {
                private PreparedWork.ColumnReader[] generic;

                @Override
                public Object read(ResultSet rs) throws SQLException {
                    if (generic == null) {
                        generic = PreparedWork.columnReaders(rs.getMetaData());
                    }
                    return readRow(rs, c, generic);
                }
            };
        }
        return (java.util.stream.Stream<R>) connection().stream(c.sql(), values, ps -> bind(ps, c.binders(), values), fetchSize,
                rowReader);
    }

    private static Object compositeId(ResultSet rs, List<PropertyModel> properties, int[] idColumns) throws SQLException {
        Object[] parts = new Object[idColumns.length];
        for (int k = 0; k < idColumns.length; k++) {
            parts[k] = properties.get(idColumns[k]).column().type().read(rs, idColumns[k] + 1);
        }
        return Arrays.asList(parts);
    }

    private static List<Row> readRows(ResultSet rs, CompiledSelect c) throws SQLException {
        PreparedWork.ColumnReader[] generic = PreparedWork.columnReaders(rs.getMetaData());
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(values(rs, c.readers(), generic));
        }
        return Result.ofRows(c.labels(), rows).rows();
    }

    private static Object[] values(ResultSet rs, ColumnType[] readers, PreparedWork.ColumnReader[] generic) throws SQLException {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            row[i] = readers[i] != null ? readers[i].read(rs, i + 1) : generic[i].read(rs, i + 1);
        }
        return row;
    }

    private static Row readRow(ResultSet rs, CompiledSelect c, PreparedWork.ColumnReader[] generic) throws SQLException {
        return Result.ofRows(c.labels(), List.<Object[]>of(values(rs, c.readers(), generic))).rows().get(0);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <E> E get(Class<E> type, Object id) {
        EntityModel model = factory.metadata().entity(type);
        if (model.idProperties().size() != 1) {
            throw new AthanorException(model.name() + " has a composite key; load it with select(" + model.name()
                    + ".class).where(...) instead of get().");
        }
        Object cached = identityMap.get(new EntityKey(type, id));
        if (cached != null) {
            return type.cast(cached);
        }
        PropertyModel idProperty = model.idProperties().get(0);
        if (id != null && !idProperty.javaType().isInstance(id)) {
            throw new AthanorException("get(" + model.name() + ".class, " + id + ") was given a " + id.getClass().getSimpleName()
                    + ", but the key of " + model.name() + " is a " + idProperty.javaType().getSimpleName() + ".");
        }
        Attribute idAttribute = new Attribute(type, idProperty.path(), idProperty.javaType());
        Expression<Boolean> byId = idAttribute.eq(id);
        return select(type).where(byId).oneOrNull();
    }

    @Override
    public boolean contains(Object entity) {
        return keys.containsKey(entity);
    }

    @Override
    public Result execute(Text sql, Map<String, ?> params) {
        return connection().execute(sql, params);
    }

    @Override
    public void commit() {
        if (connection != null) {
            connection.commit();
        }
    }

    @Override
    public void rollback() {
        if (connection != null) {
            connection.rollback();
        }
        identityMap.clear();
        keys.clear();
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        identityMap.clear();
        keys.clear();
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
