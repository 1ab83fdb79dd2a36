package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.internal.types.StoredValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seed's bulk_insert_mappings and bulk_update_mappings: rows given as maps from field name to
 * value, written in JDBC batches grouped by the set of fields given, with no identity-map traffic.
 */
public final class BulkWriter {
    private final EntityModel model;
    private final String table;
    private final io.athanor.orm.dialect.Dialect dialect;

    public BulkWriter(EntityModel model, io.athanor.orm.dialect.Dialect dialect) {
        this.model = model;
        this.dialect = dialect;
        this.table = dialect.qualify(model.table().schema(), model.table().name());
    }

    public long copy(Connection connection, List<? extends Map<String, ?>> rows) {
        if (!dialect.name().equals("postgresql")) {
            throw new AthanorException("BulkMode.COPY is PostgreSQL's COPY and is not supported by " + dialect.name()
                    + "; use BulkMode.BATCH.");
        }
        long total = 0;
        for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups(rows).entrySet()) {
            List<PropertyModel> props = properties(group.getKey());
            for (Map<String, ?> row : group.getValue()) {
                for (PropertyModel p : props) {
                    check(p, row.get(p.path()));
                }
            }
            total += PostgresCopy.insert(connection, model, table, dialect, props, group.getValue());
        }
        return total;
    }

    public long insert(Connection connection, List<? extends Map<String, ?>> rows) {
        long total = 0;
        for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups(rows).entrySet()) {
            List<PropertyModel> props = properties(group.getKey());
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < props.size(); i++) {
                sql.append(i > 0 ? ", " : "").append(dialect.quote(props.get(i).column().name()));
                marks.append(i > 0 ? ", ?" : "?");
            }
            sql.append(") VALUES (").append(marks).append(')');
            total += run(connection, sql.toString(), props, group.getValue());
        }
        return total;
    }

    public long update(Connection connection, List<? extends Map<String, ?>> rows) {
        long total = 0;
        for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups(rows).entrySet()) {
            List<PropertyModel> set = new ArrayList<>();
            for (PropertyModel p : properties(group.getKey())) {
                if (!p.id()) {
                    set.add(p);
                }
            }
            for (PropertyModel id : model.idProperties()) {
                if (!group.getKey().contains(id.path())) {
                    throw new AthanorException("bulkUpdateMappings rows for " + model.name() + " must each give the key '"
                            + id.path() + "'; these give only " + group.getKey() + ".");
                }
            }
            if (set.isEmpty()) {
                continue;
            }
            StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
            for (int i = 0; i < set.size(); i++) {
                sql.append(i > 0 ? ", " : "").append(dialect.quote(set.get(i).column().name())).append(" = ?");
            }
            sql.append(" WHERE ");
            List<PropertyModel> ordered = new ArrayList<>(set);
            for (int i = 0; i < model.idProperties().size(); i++) {
                PropertyModel id = model.idProperties().get(i);
                sql.append(i > 0 ? " AND " : "").append(dialect.quote(id.column().name())).append(" = ?");
                ordered.add(id);
            }
            total += run(connection, sql.toString(), ordered, group.getValue());
        }
        return total;
    }

    private long run(Connection connection, String sql, List<PropertyModel> props, List<Map<String, ?>> rows) {
        List<List<Object>> parameterSets = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            List<Object> p = new ArrayList<>(props.size());
            for (PropertyModel prop : props) {
                Object v = row.get(prop.path());
                check(prop, v);
                p.add(v);
            }
            parameterSets.add(p);
        }
        ColumnType[] types = new ColumnType[props.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = props.get(i).column().type();
        }
        long[] counts = connection.batch(sql, parameterSets, (ps, r) -> {
            List<Object> p = parameterSets.get(r);
            for (int i = 0; i < types.length; i++) {
                types[i].bind(ps, i + 1, p.get(i));
            }
        }, new String[0], null);
        long total = 0;
        for (long c : counts) {
            total += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, c);
        }
        return total;
    }

    /**
     * The same checks on both paths, before any SQL: the value has the field's type, and the database would
     * store it as given.
     */
    private void check(PropertyModel p, Object v) {
        if (v == null) {
            return;
        }
        if (!p.javaType().isInstance(v)) {
            throw new AthanorException("A bulk row gives a " + v.getClass().getName() + " for " + model.name() + "." + p.path()
                    + ", which holds " + p.javaType().getName() + ".");
        }
        if (!p.column().type().converted()) {
            StoredValues.check(dialect, v, model.name() + "." + p.path());
        }
    }

    private Map<Set<String>, List<Map<String, ?>>> groups(List<? extends Map<String, ?>> rows) {
        Map<Set<String>, List<Map<String, ?>>> groups = new LinkedHashMap<>();
        Set<String> lastKeys = null;
        List<Map<String, ?>> lastGroup = null;
        for (Map<String, ?> row : rows) {
            Set<String> keys = row.keySet();
            if (lastKeys == null || keys != lastKeys && !keys.equals(lastKeys)) {
                lastGroup = groups.computeIfAbsent(new TreeSet<>(keys), k -> new ArrayList<>());
                lastKeys = keys;
            }
            lastGroup.add(row);
        }
        return groups;
    }

    private List<PropertyModel> properties(Set<String> names) {
        List<PropertyModel> props = new ArrayList<>(names.size());
        for (String name : names) {
            PropertyModel p = null;
            for (PropertyModel candidate : model.properties()) {
                if (candidate.path().equals(name)) {
                    p = candidate;
                }
            }
            if (p == null) {
                List<String> known = new ArrayList<>();
                model.properties().forEach(x -> known.add(x.path()));
                throw new AthanorException("Bulk rows for " + model.name() + " name '" + name + "', which is not one of its "
                        + "fields " + known + ". Keys are field names (userId), not column names (user_id).");
            }
            props.add(p);
        }
        return props;
    }
}
