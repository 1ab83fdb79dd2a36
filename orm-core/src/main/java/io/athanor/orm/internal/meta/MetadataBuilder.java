package io.athanor.orm.internal.meta;

import io.athanor.orm.MappingException;
import io.athanor.orm.dialect.Dialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link Metadata} in two phases: annotations are read into mutable drafts and checked (every
 * problem collected, then reported together), and the drafts are frozen into the immutable model.
 */
public final class MetadataBuilder {
    private MetadataBuilder() {
    }

    /**
     * Reads, checks and freezes the mapping of {@code classes}.
     *
     * @throws MappingException listing every problem found
     */
    public static Metadata build(Collection<Class<?>> classes, Dialect dialect) {
        return build(classes, dialect, new io.athanor.orm.types.TypeRegistry(), null, List.of(), java.time.Clock.systemUTC());
    }

    /**
     * Reads, checks and freezes the mapping of {@code classes}, with the types of {@code types}. Converter
     * classes among {@code classes} (Jakarta's {@code @Converter}) are applied by type, as
     * {@link io.athanor.orm.types.TypeRegistry#autoApply} would.
     *
     * @throws MappingException listing every problem found
     */
    public static Metadata build(Collection<Class<?>> classes, Dialect dialect, io.athanor.orm.types.TypeRegistry types) {
        return build(classes, dialect, types, null, List.of(), java.time.Clock.systemUTC());
    }

    /**
     * Reads, checks and freezes the mapping of {@code classes}, with lifecycle callbacks of {@code listeners}
     * (called for every entity their methods accept) and timestamps taken from {@code clock}.
     *
     * @throws MappingException listing every problem found
     */
    public static Metadata build(Collection<Class<?>> classes, Dialect dialect, List<Object> listeners,
                                 java.time.Clock clock) {
        return build(classes, dialect, new io.athanor.orm.types.TypeRegistry(), null, listeners, clock);
    }

    /**
     * Reads, checks and freezes the mapping of {@code classes}, with the types of {@code types}, writing
     * {@code @Json} fields with {@code jsonCodec}, with lifecycle callbacks of {@code listeners} (called for every
     * entity their methods accept) and timestamps taken from {@code clock}.
     *
     * @param jsonCodec  the codec of JSON fields, or {@code null} for Jackson's defaults
     * @throws MappingException listing every problem found
     */
    public static Metadata build(Collection<Class<?>> classes, Dialect dialect, io.athanor.orm.types.TypeRegistry types,
                                 io.athanor.orm.types.JsonCodec jsonCodec, List<Object> listeners, java.time.Clock clock) {
        List<String> problems = new ArrayList<>();
        CallbackReader callbacks = new CallbackReader(problems);
        listeners.forEach(callbacks::checkFactoryListener);
        List<Class<?>> converters = new ArrayList<>(types.autoApplied());
        List<Class<?>> entityClasses = new ArrayList<>();
        for (Class<?> type : new LinkedHashSet<>(classes)) {
            (FrontEnds.isConverterClass(type) ? converters : entityClasses).add(type);
        }
        FieldTypes fieldTypes = new FieldTypes(types, dialect, converters, problems);
        Map<Class<?>, EntityDraft> drafts = new LinkedHashMap<>();
        for (Class<?> type : entityClasses) {
            EntityDraft draft = new EntityReader(type, dialect, fieldTypes, jsonCodec, problems).read();
            if (draft != null) {
                drafts.put(type, draft);
            }
        }
        Hierarchies hierarchies = new Hierarchies(drafts, dialect, problems);
        hierarchies.check();
        Map<Class<?>, EntityCallbacks> callbacksOf = new HashMap<>();
        for (EntityDraft d : drafts.values()) {
            callbacksOf.put(d.type, callbacks.read(d, listeners, clock));
        }
        failIfAny(problems);
        List<TableModel> joinTables = new RelationshipResolver(drafts, problems).resolve();
        hierarchies.mergeIntoRoots();
        Map<Class<?>, TableModel> tables = new LinkedHashMap<>();
        List<TableModel> all = new ArrayList<>();
        for (EntityDraft d : drafts.values()) {
            if (!hierarchies.isSubclass(d) && (!d.joined || d.entityParent == null)) {
                TableModel t = table(d, problems);
                tables.put(d.type, t);
                all.add(t);
            } else if (d.joined) {
                table(d, problems); // only for its checks: the table is made below, of the subclass's own columns
            }
        }
        JoinedHierarchies joined = new JoinedHierarchies(hierarchies, drafts, dialect, problems);
        joined.makeTables(tables, all);
        for (EntityDraft d : drafts.values()) {
            if (hierarchies.isSubclass(d)) {
                tables.put(d.type, tables.get(hierarchies.rootOf(d).type));
            }
        }
        List<TableModel> ownJoinTables = new SharedLinkTables(drafts, hierarchies, problems).merge(joinTables, tables, all);
        all.addAll(ownJoinTables);
        checkDuplicateTables(drafts, hierarchies, ownJoinTables, problems);
        failIfAny(problems);
        joined.retargetForeignKeys(tables, all);

        Map<Class<?>, EntityModel> entities = new LinkedHashMap<>();
        List<SequenceModel> sequences = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        for (EntityDraft d : drafts.values()) {
            List<RelationshipModel> relationships = new ArrayList<>();
            for (RelationshipDraft r : d.relationships) {
                relationships.add(r.model);
            }
            EntityDraft root = hierarchies.rootOf(d);
            List<ColumnModel> layout = root == null ? null : d.joined ? joined.layout(root, tables)
                    : EntityModel.layout(root.properties, tables.get(d.type));
            JoinedModel joinedModel = root != null && d.joined ? joined.model(d, root, layout, tables) : null;
            entities.put(d.type, new EntityModel(d.type, d.name, tables.get(d.type), d.properties, relationships, d.constructor,
                    d.viewQuery, layout, layout == null ? null : hierarchies.model(d, layout, joinedModel),
                    callbacksOf.get(d.type)));
            for (PropertyModel p : d.properties) {
                if (p.sequence() != null && sequences.stream().noneMatch(s -> s.name().equals(p.sequence().name())
                        && s.schema().equals(p.sequence().schema()))) {
                    sequences.add(p.sequence());
                }
            }
        }
        List<TableModel> ordered = TableOrder.sort(all, joined.groups());
        for (TableModel t : ordered) {
            if (!t.schema().isEmpty()) {
                schemas.add(t.schema());
            }
        }
        for (SequenceModel s : sequences) {
            if (!s.schema().isEmpty()) {
                schemas.add(s.schema());
            }
        }
        return new Metadata(dialect, entities, ordered, sequences, new ArrayList<>(schemas));
    }

    private static TableModel table(EntityDraft d, List<String> problems) {
        Map<String, String> seen = new HashMap<>();
        for (String[] origin : d.columnOrigins) {
            String previous = seen.putIfAbsent(origin[0].toLowerCase(Locale.ROOT), origin[1]);
            if (previous != null) {
                problems.add("Fields " + previous + " and " + origin[1] + " both map to column '" + origin[0] + "' of table "
                        + d.table + "; give one a different @Column(name).");
            }
        }
        List<ColumnModel> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        for (PropertyModel p : d.ids()) {
            columns.add(p.column());
            primaryKey.add(p.column().name());
        }
        for (ColumnModel c : d.columns()) {
            if (!primaryKey.contains(c.name())) {
                columns.add(c);
            }
        }
        List<IndexModel> indexes = new ArrayList<>();
        for (ColumnModel c : columns) {
            if (c.unique()) {
                indexes.add(new IndexModel("uq_" + d.table + "_" + c.name(), List.of(c.name()), true, true));
            }
        }
        for (IndexModel i : d.indexes) {
            for (String col : i.columns()) {
                if (columns.stream().noneMatch(c -> c.name().equals(col))) {
                    problems.add((i.constraint() ? "Unique constraint " : "Index ") + i.name() + " on " + d.type.getName()
                            + " names column '" + col + "', which table " + d.table + " does not have; its columns are "
                            + columns.stream().map(ColumnModel::name).collect(java.util.stream.Collectors.toList()) + ".");
                }
            }
            indexes.add(i);
        }
        return new TableModel(d.schema, d.table, columns, primaryKey, List.copyOf(d.foreignKeys), indexes);
    }

    private static void checkDuplicateTables(Map<Class<?>, EntityDraft> drafts, Hierarchies hierarchies,
                                             List<TableModel> joinTables, List<String> problems) {
        Map<String, String> owners = new HashMap<>();
        for (EntityDraft d : drafts.values()) {
            if (hierarchies.isSubclass(d)) {
                continue;
            }
            String key = (d.schema + "." + d.table).toLowerCase(Locale.ROOT);
            String previous = owners.putIfAbsent(key, "entity " + d.type.getName());
            if (previous != null) {
                problems.add("Entity " + d.type.getName() + " and " + previous + " both map to table "
                        + (d.schema.isEmpty() ? d.table : d.schema + "." + d.table) + "; give one a different @Table(name).");
            }
        }
        for (TableModel t : joinTables) {
            String key = (t.schema() + "." + t.name()).toLowerCase(Locale.ROOT);
            String previous = owners.putIfAbsent(key, "link table " + t.name());
            if (previous != null) {
                problems.add("Link table " + t.fullName() + " has the same name as " + previous
                        + "; name it with @JoinTable(name = ...).");
            }
        }
    }

    private static void failIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new MappingException(problems);
        }
    }
}
