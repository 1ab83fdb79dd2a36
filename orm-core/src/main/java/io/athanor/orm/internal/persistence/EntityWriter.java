package io.athanor.orm.internal.persistence;

import io.athanor.orm.StaleObjectException;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.internal.types.StoredValues;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.meta.TableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of a flush, for rows of one entity type at a time: inserts batched per statement shape with
 * generated keys and server defaults read back, updates of changed columns only (batched per set of
 * changed columns, version-checked), and deletes. The order of the calls is the unit of work's; the
 * session handles failure.
 */
public final class EntityWriter {
    private final PersistenceContext context;
    private final Connection connection;

    public EntityWriter(PersistenceContext context, Connection connection) {
        this.context = context;
        this.connection = connection;
    }

    /** Inserts {@code rows} (one entity type, no order among them): batched per statement shape, keys read back. */
    public void insert(List<EntityEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        WritePlan plan = context.plan(rows.get(0).model);
        Map<String, List<Object[]>> byShape = new LinkedHashMap<>();
        Map<String, List<EntityEntry>> entriesByShape = new LinkedHashMap<>();
        for (EntityEntry e : rows) {
            assignKey(e, plan);
            Object[] values = plan.values(e, null);
            checkReferences(e, plan, values);
            for (int i = 0; i < values.length; i++) {
                checkStorable(e, plan.columns.get(i), values[i]);
            }
            StringBuilder shape = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                WritePlan.Column c = plan.columns.get(i);
                boolean generated = (c.model.identity() || defaulted(c)) && values[i] == null;
                shape.append(generated || !c.model.insertable() ? '0' : '1');
            }
            byShape.computeIfAbsent(shape.toString(), k -> new ArrayList<>()).add(values);
            entriesByShape.computeIfAbsent(shape.toString(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Object[]>> shape : byShape.entrySet()) {
            insertBatch(plan, shape.getKey(), shape.getValue(), entriesByShape.get(shape.getKey()));
        }
    }

    /**
     * Inserts rows of one shape: into the entity's table, or for a joined entity into each of its tables, the
     * root's first (whose generated key the others' rows then carry); then reads back what the database set.
     */
    private void insertBatch(WritePlan plan, String shape, List<Object[]> rows, List<EntityEntry> entries) {
        List<Integer> unreturned = new ArrayList<>();
        if (plan.parts == null) {
            unreturned.addAll(insertInto(plan, plan.table, shape, null, rows, entries));
        } else {
            for (WritePlan.Part part : plan.parts) {
                unreturned.addAll(insertInto(plan, part.table, part.mask(shape), part, rows, entries));
            }
        }
        readServerDefaults(plan, unreturned, rows, entries);
        for (int r = 0; r < entries.size(); r++) {
            EntityEntry e = entries.get(r);
            e.snapshot = plan.snapshotOf(rows.get(r));
            e.status(EntityEntry.Status.PERSISTENT);
            context.registered(e, plan.keyOf(rows.get(r), e.shard));
        }
    }

    /**
     * One INSERT batch into {@code table} of the columns {@code shape} marks; {@code part} is the joined table it
     * is (whose key columns, if not the root's, take the row's id values), or {@code null}.
     *
     * @return the columns left to server defaults whose values did not come back with the INSERT
     */
    private List<Integer> insertInto(WritePlan plan, String table, String shape, WritePlan.Part part, List<Object[]> rows,
                                     List<EntityEntry> entries) {
        List<Integer> used = new ArrayList<>();
        int identity = -1;
        List<String> names = new ArrayList<>();
        if (part != null && !part.root) {
            for (int k = 0; k < plan.idColumns.length; k++) {
                used.add(plan.idColumns[k]);
                names.add(part.keyQuoted[k]);
            }
        }
        for (int i = 0; i < shape.length(); i++) {
            if (shape.charAt(i) == '1') {
                used.add(i);
                names.add(plan.columns.get(i).quoted);
            } else if (plan.columns.get(i).model.identity() && (part == null || part.holds[i])) {
                identity = i;
            }
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int k = 0; k < used.size(); k++) {
            sql.append(k > 0 ? ", " : "").append(names.get(k));
            marks.append(k > 0 ? ", ?" : "?");
        }
        sql.append(") VALUES (").append(marks).append(')');
        List<List<Object>> parameterSets = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<Object> p = new ArrayList<>(used.size());
            for (int i : used) {
                p.add(row[i]);
            }
            parameterSets.add(p);
        }
        int generated = identity;
        // columns whose values come back with the INSERT: the generated key, and where the driver can
        // return any column, the ones left to their server defaults
        List<Integer> defaults = leftToDefaults(plan, shape);
        if (part != null) {
            defaults.removeIf(i -> !part.holds[i]);
        }
        boolean defaultsReturned = !defaults.isEmpty() && context.metadata().dialect().returnsInsertedColumns();
        List<Integer> returned = new ArrayList<>();
        if (generated >= 0) {
            returned.add(generated);
        }
        if (defaultsReturned) {
            returned.addAll(defaults);
        }
        String[] keys = new String[returned.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = context.metadata().dialect().keyColumnName(plan.columns.get(returned.get(k)).model.name());
        }
        Batches.run(connection, context.batchSize(), sql.toString(), parameterSets, (ps, r) -> {
            Object[] row = rows.get(r);
            for (int k = 0; k < used.size(); k++) {
                plan.columns.get(used.get(k)).model.type().bind(ps, k + 1, row[used.get(k)]);
            }
        }, keys, returned.isEmpty() ? null : (rs, from, count) -> {
            int r = from;
            while (r < from + count && rs.next()) {
                EntityEntry e = entries.get(r);
                for (int k = 0; k < returned.size(); k++) {
                    int column = returned.get(k);
                    WritePlan.Column c = plan.columns.get(column);
                    Object value = c.model.type().read(rs, k + 1);
                    c.property.accessor().set(e.instance, value);
                    rows.get(r)[column] = value;
                    if (column == generated) {
                        e.keyAssigned = true;
                    } else {
                        e.defaulted(c.property, defaults.size());
                    }
                }
                r++;
            }
            if (r != from + count) {
                throw new AthanorException("The database returned " + (r - from) + " generated keys for " + count + " new "
                        + plan.model.name() + " rows.");
            }
        });
        return defaultsReturned ? List.of() : defaults;
    }

    /** A mapped column with a server default: left out of an INSERT when its field is null, so the default applies. */
    private static boolean defaulted(WritePlan.Column c) {
        return !c.model.serverDefault().isEmpty() && c.property != null && !c.property.id();
    }

    /**
     * The columns {@code shape} leaves out because their fields are null and the database has a default, and
     * those the database sets itself ({@code @Generated}).
     */
    private static List<Integer> leftToDefaults(WritePlan plan, String shape) {
        List<Integer> defaults = new ArrayList<>();
        for (int i = 0; i < shape.length(); i++) {
            WritePlan.Column c = plan.columns.get(i);
            if (shape.charAt(i) == '0' && (defaulted(c) && c.model.insertable() || c.model.generated() != null)) {
                defaults.add(i);
            }
        }
        return defaults;
    }

    /**
     * Reads back the values the database gave the columns this batch left to their defaults or that it sets
     * itself, and writes them into the instances and their snapshots, for drivers that return only the
     * generated key from an INSERT.
     */
    private void readServerDefaults(WritePlan plan, List<Integer> defaults, List<Object[]> rows, List<EntityEntry> entries) {
        if (defaults.isEmpty()) {
            return;
        }
        boolean[] found = ReadBack.select(connection, plan, defaults, rows, (r, column, value) -> {
            EntityEntry e = entries.get(r);
            WritePlan.Column c = plan.columns.get(column);
            rows.get(r)[column] = value;
            c.property.accessor().set(e.instance, value);
            e.defaulted(c.property, defaults.size());
        });
        for (int r = 0; r < rows.size(); r++) {
            if (!found[r]) {
                throw new AthanorException("Could not read back the values the database set in a new " + plan.model.name()
                        + ": no row came back for key " + ReadBack.keyValues(plan, rows.get(r)) + ", so the database stores "
                        + "that key in another form (a rounded decimal or time, a padded CHAR). Give the key a type that "
                        + "keeps its value exactly, or set the defaulted fields before the flush.");
            }
        }
    }

    private void assignKey(EntityEntry e, WritePlan plan) {
        if (plan.versionColumn >= 0) {
            PropertyModel v = plan.columns.get(plan.versionColumn).property;
            if (v.accessor().get(e.instance) == null) {
                v.accessor().set(e.instance, v.javaType() == Long.class ? (Object) 0L : v.javaType() == Short.class
                        ? (Object) (short) 0 : (Object) 0);
            }
        }
        for (PropertyModel id : e.model.idProperties()) {
            if (id.accessor().get(e.instance) != null || id.generation() == null) {
                continue;
            }
            if (id.generation() == GenerationType.UUID) {
                id.accessor().set(e.instance, UUID.randomUUID());
                e.keyAssigned = true;
            } else if (id.generation() == GenerationType.SEQUENCE) {
                id.accessor().set(e.instance, context.nextSequenceValue(id, connection));
                e.keyAssigned = true;
            }
        }
        for (int i : plan.idColumns) {
            WritePlan.Column c = plan.columns.get(i);
            if (c.property.accessor().get(e.instance) == null && !c.model.identity()) {
                throw new AthanorException("New " + e.model.name() + " has no " + c.property.path() + ": set it before saving, "
                        + "or generate it with @GeneratedValue.");
            }
        }
    }

    /** Refuses, before any SQL, a value the database would not store as given (see {@link StoredValues}). */
    private void checkStorable(EntityEntry e, WritePlan.Column c, Object value) {
        if (value == null || c.model.type().converted()) {
            return;
        }
        String why = StoredValues.refusal(context.metadata().dialect(), value);
        if (why != null) {
            String field = c.property != null ? c.property.path() : c.relation != null ? c.relation.name() : c.model.name();
            throw new InvalidValueException(e.model.name() + "." + field + " " + why);
        }
    }

    private void checkReferences(EntityEntry e, WritePlan plan, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            WritePlan.Column c = plan.columns.get(i);
            if (c.relation != null && values[i] == null) {
                Object parent = c.relation.accessor().get(e.instance);
                if (parent != null) {
                    throw new AthanorException(e.model.name() + "." + c.relation.name() + " refers to a "
                            + context.metadata().entity(c.relation.target()).name() + " that has no key yet and is not in "
                            + "this session. Add it to the session (session.add) before flushing, or mark the relationship "
                            + "cascade = PERSIST.");
                }
            }
        }
    }

    /**
     * Updates the changed columns of {@code group} (one entity type), version-checked: batched per set of changed
     * columns, or for a versioned entity whose rows changed different columns, one batch setting all of them.
     */
    public void update(List<EntityEntry> group) {
        if (group.isEmpty()) {
            return;
        }
        WritePlan plan = context.plan(group.get(0).model);
        Map<String, List<EntityEntry>> byChange = new LinkedHashMap<>();
        Map<EntityEntry, Object[]> current = new java.util.IdentityHashMap<>();
        for (EntityEntry e : group) {
            Object[] now = plan.values(e, e.snapshot);
            StringBuilder changed = new StringBuilder();
            boolean any = false;
            for (int i = 0; i < now.length; i++) {
                WritePlan.Column c = plan.columns.get(i);
                boolean differs = c.model.updatable() && c.mapped() && i != plan.versionColumn
                        && !c.model.type().same(now[i], e.snapshot[i]);
                if (differs && c.property != null && c.property.id()) {
                    throw new AthanorException("The key of a " + e.model.name() + " in the session changed from " + e.snapshot[i]
                            + " to " + now[i] + "; keys cannot change. Delete the row and add a new one instead.");
                }
                changed.append(differs ? '1' : '0');
                any |= differs;
            }
            if (any && e.model.isView()) {
                throw new AthanorException(e.model.name() + " is a materialized view, so the change to " + e.model.name() + " "
                        + e.id() + " cannot be written. Change the tables it reads, then sessions.refresh("
                        + e.model.name() + ".class).");
            }
            if (any) {
                for (int i = 0; i < now.length; i++) {
                    if (changed.charAt(i) == '1') {
                        checkStorable(e, plan.columns.get(i), now[i]);
                    }
                }
                byChange.computeIfAbsent(changed.toString(), k -> new ArrayList<>()).add(e);
                current.put(e, now);
            }
        }
        if (byChange.size() > 1 && plan.versionColumn >= 0) {
            byChange = union(byChange);
        }
        for (Map.Entry<String, List<EntityEntry>> change : byChange.entrySet()) {
            updateBatch(plan, change.getKey(), change.getValue(), current);
        }
    }

    /**
     * One statement for rows whose changed columns differ, setting every column any of them changed, instead of
     * a statement and a batch per set (orm-bench's random-subset update: one batch is about 1.6 times faster than
     * one per set). Only for versioned entities: a row's unchanged columns are written with the values its
     * snapshot holds, and the version check makes sure those are still the row's values.
     */
    private static Map<String, List<EntityEntry>> union(Map<String, List<EntityEntry>> byChange) {
        char[] all = null;
        List<EntityEntry> rows = new ArrayList<>();
        for (Map.Entry<String, List<EntityEntry>> change : byChange.entrySet()) {
            String changed = change.getKey();
            if (all == null) {
                all = changed.toCharArray();
            }
            for (int i = 0; i < all.length; i++) {
                if (changed.charAt(i) == '1') {
                    all[i] = '1';
                }
            }
            rows.addAll(change.getValue());
        }
        return Map.of(new String(all), rows);
    }

    private void updateBatch(WritePlan plan, String changed, List<EntityEntry> entries, Map<EntityEntry, Object[]> current) {
        boolean returning = plan.parts == null && plan.generatedAlways.length > 0
                && context.metadata().dialect().returnsUpdatedColumns();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (EntityEntry e : entries) {
            rows.add(current.get(e));
        }
        if (plan.parts == null) {
            updateTable(plan, plan.updates, changed, entries, current, returning, rows);
        } else {
            for (WritePlan.Part part : plan.parts) {
                // the version is checked and moved on in the root's table, whichever tables' columns changed
                String set = part.mask(changed);
                if (part.updates.version() >= 0 || set.indexOf('1') >= 0) {
                    updateTable(plan, part.updates, set, entries, current, false, rows);
                }
            }
        }
        int version = plan.versionColumn;
        if (plan.generatedAlways.length > 0 && !returning) {
            List<Integer> always = new ArrayList<>();
            for (int i : plan.generatedAlways) {
                always.add(i);
            }
            ReadBack.select(connection, plan, always, rows, updatedValue(plan, entries, rows));
        }
        for (int r = 0; r < entries.size(); r++) {
            EntityEntry e = entries.get(r);
            Object[] now = current.get(e);
            if (version >= 0) {
                Object next = nextVersion(e.snapshot[version]);
                now[version] = next;
                plan.columns.get(version).property.accessor().set(e.instance, next);
            }
            context.updating(e);
            e.snapshot = plan.snapshotOf(now);
        }
    }

    /**
     * One UPDATE batch of one table, with the statement {@code statements} keeps for the columns {@code changed} marks
     * (the table's version, if any, checked and moved on; by the entity's key, or a joined subclass table's).
     */
    private void updateTable(WritePlan plan, UpdateStatements statements, String changed, List<EntityEntry> entries,
                             Map<EntityEntry, Object[]> current, boolean returning, List<Object[]> rows) {
        UpdateStatements.Statement statement = statements.of(plan, changed);
        int[] set = statement.set();
        int version = statements.version();
        io.athanor.orm.internal.types.ColumnType[] types = statement.types();
        List<List<Object>> parameterSets = new ArrayList<>(entries.size());
        List<Object[]> binds = new ArrayList<>(entries.size());
        for (EntityEntry e : entries) {
            Object[] now = current.get(e);
            Object[] p = new Object[types.length];
            int k = 0;
            for (int i : set) {
                p[k++] = now[i];
            }
            if (version >= 0) {
                p[k++] = nextVersion(e.snapshot[version]);
            }
            for (int i : plan.idColumns) {
                p[k++] = e.snapshot[i];
            }
            if (version >= 0) {
                p[k] = e.snapshot[version];
            }
            parameterSets.add(Arrays.asList(p));
            binds.add(p);
        }
        io.athanor.orm.engine.PreparedWork.Reader<Void> returnedValues =
                returning ? GeneratedColumns.reader(plan, rows, updatedValue(plan, entries, rows)) : null;
        long[] counts = Batches.run(connection, context.batchSize(), statement.sql(), parameterSets, (ps, r) -> {
            Object[] row = binds.get(r);
            for (int k = 0; k < row.length; k++) {
                types[k].bind(ps, k + 1, row[k]);
            }
        }, returning ? GeneratedColumns.returned(plan, context.metadata().dialect()) : new String[0],
                returning ? (rs, from, count) -> returnedValues.read(rs) : null);
        if (version >= 0 && !countsKnown(counts, entries.size())) {
            counts = rowByRow(statement.sql(), parameterSets, Arrays.asList(types));
        }
        checkCounts(plan, entries, counts, "updated");
    }

    /** Writes a value the database set in an updated row into the instance and the snapshot the update leaves. */
    private static ReadBack.Sink updatedValue(WritePlan plan, List<EntityEntry> entries, List<Object[]> rows) {
        return (r, column, value) -> {
            rows.get(r)[column] = value;
            plan.columns.get(column).property.accessor().set(entries.get(r).instance, value);
        };
    }

    /** Deletes the many-to-many link rows that refer to {@code entries}, which are deleted next (see {@link LinkWriter#deleteLinksOf}). */
    public void deleteLinks(List<EntityEntry> entries) {
        LinkWriter.deleteLinksOf(context, connection, entries);
    }

    /** Deletes the rows of {@code entries} (one entity type, no order among them), version-checked. */
    public void delete(List<EntityEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        WritePlan plan = context.plan(entries.get(0).model);
        if (plan.parts == null) {
            deleteFrom(plan, plan.table, null, plan.versionColumn, entries);
        } else {
            Map<WritePlan, List<EntityEntry>> byRowClass = new LinkedHashMap<>();
            for (EntityEntry e : entries) {
                byRowClass.computeIfAbsent(rowPlan(plan, e), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<WritePlan, List<EntityEntry>> group : byRowClass.entrySet()) {
                // the subclasses' tables first, as their keys refer to the tables of the classes they extend
                WritePlan.Part[] parts = group.getKey().parts;
                for (int p = parts.length - 1; p >= 0; p--) {
                    WritePlan.Part part = parts[p];
                    deleteFrom(group.getKey(), part.table, part.root ? null : part.keyQuoted,
                            part.root ? plan.versionColumn : -1, group.getValue());
                }
            }
        }
        context.forgetAll(entries);
    }

    /**
     * The plan of the class {@code e}'s row is of, as its snapshot says: {@code plan} itself, or for a lazy reference
     * of a superclass (made by {@code getReference}) whose row is a subclass's, that subclass's, whose tables hold
     * the row too. The hierarchy's entities share one row layout, so the key and version columns are the same.
     */
    private WritePlan rowPlan(WritePlan plan, EntityEntry e) {
        io.athanor.orm.internal.meta.InheritanceModel inheritance = plan.model.inheritance();
        Object value = e.snapshot == null ? null : e.snapshot[inheritance.discriminatorIndex()];
        Class<?> row = value == null ? null : inheritance.classes().get(value);
        return row == null || row == plan.model.type() || !plan.model.type().isAssignableFrom(row) ? plan
                : context.plan(context.metadata().entity(row));
    }

    private void deleteFrom(WritePlan plan, String table, String[] keyQuoted, int version, List<EntityEntry> entries) {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table);
        appendWhere(sql, plan, keyQuoted, version);
        List<List<Object>> parameterSets = new ArrayList<>();
        for (EntityEntry e : entries) {
            List<Object> p = new ArrayList<>();
            for (int i : plan.idColumns) {
                p.add(e.snapshot[i]);
            }
            if (version >= 0) {
                p.add(e.snapshot[version]);
            }
            parameterSets.add(p);
        }
        List<io.athanor.orm.internal.types.ColumnType> types = new ArrayList<>();
        for (int i : plan.idColumns) {
            types.add(plan.columns.get(i).model.type());
        }
        if (version >= 0) {
            types.add(plan.columns.get(version).model.type());
        }
        long[] counts = Batches.run(connection, context.batchSize(), sql.toString(), parameterSets, (ps, r) -> {
            List<Object> p = parameterSets.get(r);
            for (int k = 0; k < types.size(); k++) {
                types.get(k).bind(ps, k + 1, p.get(k));
            }
        }, new String[0], null);
        if (version >= 0 && !countsKnown(counts, entries.size())) {
            counts = rowByRow(sql.toString(), parameterSets, types);
        }
        checkCounts(plan, entries, counts, "deleted");
    }

    /** Whether the driver told how many rows each execution changed (not -2, one count per row). */
    private static boolean countsKnown(long[] counts, int rows) {
        if (counts.length != rows) {
            return false;
        }
        for (long c : counts) {
            if (c < 0) {
                return false;
            }
        }
        return true;
    }

    /** Runs a version-checked statement once per row, for drivers whose batches do not report counts. */
    private long[] rowByRow(String sql, List<List<Object>> parameterSets, List<io.athanor.orm.internal.types.ColumnType> types) {
        long[] counts = new long[parameterSets.size()];
        for (int r = 0; r < counts.length; r++) {
            List<Object> p = parameterSets.get(r);
            counts[r] = connection.update(sql, p, ps -> {
                for (int k = 0; k < types.size(); k++) {
                    types.get(k).bind(ps, k + 1, p.get(k));
                }
            });
        }
        return counts;
    }

    /** {@code WHERE key = ? [AND version = ?]}, by the entity's key columns or the given ones of a joined subclass's table. */
    static void appendWhere(StringBuilder sql, WritePlan plan, String[] keyQuoted, int version) {
        sql.append(" WHERE ");
        for (int k = 0; k < plan.idColumns.length; k++) {
            sql.append(k > 0 ? " AND " : "").append(keyQuoted != null ? keyQuoted[k] : plan.columns.get(plan.idColumns[k]).quoted)
                    .append(" = ?");
        }
        if (version >= 0) {
            sql.append(" AND ").append(plan.columns.get(version).quoted).append(" = ?");
        }
    }

    private static void checkCounts(WritePlan plan, List<EntityEntry> entries, long[] counts, String what) {
        for (int r = 0; r < counts.length && r < entries.size(); r++) {
            if (counts[r] == 0) {
                EntityEntry e = entries.get(r);
                Object[] key = new Object[plan.idColumns.length];
                for (int k = 0; k < key.length; k++) {
                    key[k] = e.snapshot[plan.idColumns[k]];
                }
                throw new StaleObjectException(e.model.name() + " " + (key.length == 1 ? key[0] : Arrays.toString(key))
                        + " could not be " + what + ": " + (plan.versionColumn >= 0 ? "its version changed, so someone else "
                        + "updated or deleted it since it was read" : "the row no longer exists")
                        + ". The transaction was rolled back; reload it and apply the change again.");
            }
        }
    }

    private static Object nextVersion(Object v) {
        if (v == null || v instanceof Integer) {
            return v == null ? 1 : (Integer) v + 1;
        }
        if (v instanceof Long) {
            return (Long) v + 1;
        }
        return (short) ((Short) v + 1);
    }
}
