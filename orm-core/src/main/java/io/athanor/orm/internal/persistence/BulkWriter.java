package io.athanor.orm.internal.persistence;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.RelationshipModel;
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
 * value, written in JDBC batches (of at most the session's batch size) grouped by the set of fields
 * given, with no identity-map traffic. A row may name an owning to-one relationship, with the related
 * instance or its key as the value: it writes the foreign key.
 */
public final class BulkWriter {

    /** Told of each row a bulk update wrote, after its batch ran. */
    @FunctionalInterface
    public interface Written {
        /**
         * The row with key {@code key} (one value per key column, in write-plan order) now holds {@code values} in
         * the write plan's columns {@code columns}; {@code given} are the row's values as given (a relationship's
         * instance where one was given), in the same order.
         */
        void row(Object[] key, int[] columns, Object[] values, Object[] given);
    }

    private final EntityModel model;
    private final WritePlan plan;
    private final String table;
    private final io.athanor.orm.dialect.Dialect dialect;
    private final int batchSize;

    /** A writer for {@code plan}'s entity, sending at most {@code batchSize} rows per JDBC batch (0: no limit). */
    public BulkWriter(WritePlan plan, io.athanor.orm.dialect.Dialect dialect, int batchSize) {
        if (plan.model.joined() != null) {
            throw new AthanorException(io.athanor.orm.internal.meta.JoinedModel.refusal(plan.model.name(),
                    "Bulk inserts and updates of mappings (BATCH and COPY)"));
        }
        this.model = plan.model;
        this.plan = plan;
        this.dialect = dialect;
        this.batchSize = batchSize;
        this.table = plan.table;
    }

    /** Inserts with PostgreSQL's COPY: one statement streams every row of a group, so the batch size does not apply. */
    public long copy(Connection connection, List<? extends Map<String, ?>> rows) {
        if (!dialect.name().equals("postgresql")) {
            throw new AthanorException("BulkMode.COPY is PostgreSQL's COPY and is not supported by " + dialect.name()
                    + "; use BulkMode.BATCH.");
        }
        long total = 0;
        for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups(rows).entrySet()) {
            List<BulkField> fields = inserted(fields(group.getKey()));
            List<List<Object>> values = values(fields, group.getValue());
            total += PostgresCopy.insert(connection, model, table, dialect, fields, values);
        }
        return total;
    }

    public long insert(Connection connection, List<? extends Map<String, ?>> rows) {
        long total = 0;
        for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups(rows).entrySet()) {
            List<BulkField> fields = inserted(fields(group.getKey()));
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                sql.append(i > 0 ? ", " : "").append(dialect.quote(fields.get(i).column.name()));
                marks.append(i > 0 ? ", ?" : "?");
            }
            sql.append(") VALUES (").append(marks).append(')');
            total += sum(run(connection, sql.toString(), fields, values(fields, group.getValue())));
        }
        return total;
    }

    public long update(Connection connection, List<? extends Map<String, ?>> rows) {
        return update(connection, rows, null);
    }

    /** Updates {@code rows} by key; {@code written}, when given, is told of each row once its batch ran. */
    public long update(Connection connection, List<? extends Map<String, ?>> rows, Written written) {
        long total = 0;
        for (Map.Entry<Set<String>, List<Map<String, ?>>> group : groups(rows).entrySet()) {
            List<BulkField> set = new ArrayList<>();
            for (BulkField f : fields(group.getKey())) {
                if (f.property == null || !f.property.id()) {
                    set.add(f);
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
                sql.append(i > 0 ? ", " : "").append(dialect.quote(set.get(i).column.name())).append(" = ?");
            }
            sql.append(" WHERE ");
            List<BulkField> ordered = new ArrayList<>(set);
            for (int i = 0; i < model.idProperties().size(); i++) {
                PropertyModel id = model.idProperties().get(i);
                sql.append(i > 0 ? " AND " : "").append(dialect.quote(id.column().name())).append(" = ?");
                ordered.add(BulkField.of(id, plan));
            }
            sql.append(ownRows());
            List<Map<String, ?>> groupRows = group.getValue();
            List<List<Object>> values = values(ordered, groupRows);
            long[] counts = run(connection, sql.toString(), ordered, values);
            total += sum(counts);
            if (written != null) {
                tell(written, set, groupRows, values, counts);
            }
        }
        return total;
    }

    /**
     * For a subclass of a single-table hierarchy, the condition keeping an update to the rows of its class and of
     * its subclasses ({@code AND "kind" IN ('card')}): a key of another class's row matches nothing, as a missing
     * key does. The values are the mapping's own, written as literals; empty for other entities.
     */
    private String ownRows() {
        io.athanor.orm.internal.meta.InheritanceModel inheritance = model.inheritance();
        if (inheritance == null || !inheritance.filters(model.type())) {
            return "";
        }
        return " AND " + inheritance.discriminatorIn(dialect::quote);
    }

    /** Tells {@code written} of the rows the database updated (a row whose count is 0 matched nothing). */
    private void tell(Written written, List<BulkField> set, List<Map<String, ?>> rows, List<List<Object>> values, long[] counts) {
        int[] columns = new int[set.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = set.get(i).planColumn;
        }
        int keys = model.idProperties().size();
        for (int r = 0; r < rows.size(); r++) {
            if (r < counts.length && counts[r] == 0) {
                continue;
            }
            List<Object> row = values.get(r);
            Object[] given = new Object[set.size()];
            for (int i = 0; i < given.length; i++) {
                given[i] = rows.get(r).get(set.get(i).name);
            }
            written.row(row.subList(set.size(), set.size() + keys).toArray(), columns, row.subList(0, set.size()).toArray(),
                    given);
        }
    }

    /** Each row's values for {@code fields}, checked before any SQL. */
    private List<List<Object>> values(List<BulkField> fields, List<Map<String, ?>> rows) {
        List<List<Object>> parameterSets = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            List<Object> p = new ArrayList<>(fields.size());
            for (BulkField f : fields) {
                Object v = f.value(row, model);
                check(f, v);
                p.add(v);
            }
            parameterSets.add(p);
        }
        return parameterSets;
    }

    private long[] run(Connection connection, String sql, List<BulkField> fields, List<List<Object>> parameterSets) {
        ColumnType[] types = new ColumnType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fields.get(i).column.type();
        }
        return Batches.run(connection, batchSize, sql, parameterSets, (ps, r) -> {
            List<Object> p = parameterSets.get(r);
            for (int i = 0; i < types.length; i++) {
                types[i].bind(ps, i + 1, p.get(i));
            }
        }, new String[0], null);
    }

    private static long sum(long[] counts) {
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
    private void check(BulkField f, Object v) {
        if (v == null) {
            return;
        }
        if (f.property != null && !f.property.javaType().isInstance(v)) {
            throw new AthanorException("A bulk row gives a " + v.getClass().getName() + " for " + model.name() + "." + f.name
                    + ", which holds " + f.property.javaType().getName() + ".");
        }
        if (!f.column.type().converted()) {
            StoredValues.check(dialect, v, model.name() + "." + f.name);
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

    /** {@code fields} with, for an entity of a single-table hierarchy, its discriminator value in every new row. */
    private List<BulkField> inserted(List<BulkField> fields) {
        io.athanor.orm.internal.meta.InheritanceModel inheritance = model.inheritance();
        if (inheritance == null) {
            return fields;
        }
        if (!inheritance.classes().containsValue(model.type())) {
            throw new AthanorException("Bulk rows for " + model.name() + " cannot be inserted: it is an abstract entity of a "
                    + "single-table hierarchy, so a row of it would be of no class. Insert rows of one of its concrete "
                    + "entities (" + inheritance.classes().values().stream().map(Class::getSimpleName).sorted().toList()
                    + ") instead.");
        }
        List<BulkField> all = new ArrayList<>(fields);
        all.add(BulkField.discriminator(inheritance, plan));
        return all;
    }

    private List<BulkField> fields(Set<String> names) {
        List<BulkField> fields = new ArrayList<>(names.size());
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (String name : names) {
            BulkField f = field(name);
            String other = byColumn.putIfAbsent(f.column.name(), name);
            if (other != null) {
                throw new AthanorException("Bulk rows for " + model.name() + " give both '" + other + "' and '" + name
                        + "', which are the same column " + f.column.name() + "; give one of them.");
            }
            fields.add(f);
        }
        return fields;
    }

    private BulkField field(String name) {
        for (PropertyModel p : model.properties()) {
            if (p.path().equals(name)) {
                return BulkField.of(p, plan);
            }
        }
        for (WritePlan.Column c : plan.columns) {
            if (c.relation != null && c.relation.name().equals(name) && c.relation.joinColumns().size() == 1) {
                return BulkField.of(c, plan);
            }
        }
        for (RelationshipModel r : model.relationships()) {
            if (r.name().equals(name)) {
                throw new AthanorException("Bulk rows for " + model.name() + " name '" + name + "', " + unsupported(r)
                        + " A bulk row is one row of " + model.name() + "'s table: it sets columns and owning to-one "
                        + "relationships (given the related instance or its key). Change '" + name + "' through the "
                        + "session instead (load, change, commit).");
            }
        }
        List<String> known = new ArrayList<>();
        model.properties().forEach(x -> known.add(x.path()));
        for (WritePlan.Column c : plan.columns) {
            if (c.relation != null && c.relation.joinColumns().size() == 1) {
                known.add(c.relation.name());
            }
        }
        throw new AthanorException("Bulk rows for " + model.name() + " name '" + name + "', which is not one of its "
                + "fields " + known + ". Keys are field names (userId), not column names (user_id).");
    }

    private static String unsupported(RelationshipModel r) {
        if (r.toMany()) {
            return "a " + (r.kind() == RelationshipModel.Kind.MANY_TO_MANY ? "many-to-many" : "one-to-many")
                    + " collection, which bulk rows cannot set.";
        }
        if (!r.owning()) {
            return "the inverse side of a one-to-one relationship (its foreign key is in " + r.target().getSimpleName()
                    + "'s table), which bulk rows cannot set.";
        }
        return "a to-one relationship whose foreign key has " + r.joinColumns().size() + " columns, which bulk rows cannot "
                + "set; map those columns as fields and give them instead.";
    }
}
