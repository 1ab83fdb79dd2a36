package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.annotations.Enumerated;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Index;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.Json;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.OneToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Transient;
import io.athanor.orm.annotations.UniqueConstraint;
import io.athanor.orm.annotations.Version;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.internal.types.ColumnTypes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Reads one entity class's annotations into a draft, noting every problem it finds. */
final class EntityReader {
    private static final Set<Class<?>> VERSION_TYPES = Set.of(Integer.class, Long.class, Short.class);
    private static final Set<Class<?>> IDENTITY_TYPES = Set.of(Integer.class, Long.class, Short.class);
    private static final Set<Class<?>> STAMP_TYPES = Set.of(java.time.Instant.class, java.time.LocalDateTime.class,
            java.time.OffsetDateTime.class);

    private final Class<?> type;
    private final Dialect dialect;
    private final FieldTypes fieldTypes;
    /** The codec of @Json fields, or null for Jackson's defaults. */
    private final io.athanor.orm.types.JsonCodec jsonCodec;
    private final List<String> problems;
    private MethodHandles.Lookup lookup;
    private MappingAnnotations annotations = NativeAnnotations.INSTANCE;
    private TypeBindings bindings = new TypeBindings(Object.class);

    EntityReader(Class<?> type, Dialect dialect, FieldTypes fieldTypes, io.athanor.orm.types.JsonCodec jsonCodec, List<String> problems) {
        this.type = type;
        this.dialect = dialect;
        this.fieldTypes = fieldTypes;
        this.jsonCodec = jsonCodec;
        this.problems = problems;
    }

    /** The draft, or {@code null} when the class itself cannot be mapped. */
    EntityDraft read() {
        MappingAnnotations frontEnd = FrontEnds.of(type, problems);
        if (frontEnd == null) {
            return null;
        }
        annotations = frontEnd;
        annotations.checkSupported(type, problems);
        if (type.isInterface()) {
            problems.add(type.getName() + " is an interface; entities must be classes.");
            return null;
        }
        if (Modifier.isFinal(type.getModifiers())) {
            problems.add(type.getName() + " is final; lazy relationships load through a subclass proxy, so entity "
                    + "classes must not be final. Remove 'final'.");
        }
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            problems.add("Athanor cannot access " + type.getName() + ": its module does not open package "
                    + type.getPackageName() + ". Add 'opens " + type.getPackageName() + ";' to module-info.java.");
            return null;
        }
        boolean isAbstract = Modifier.isAbstract(type.getModifiers());
        Supplier<Object> constructor = isAbstract ? () -> {
            throw new IllegalStateException(type.getName() + " is abstract; rows of it name one of its subclasses");
        } : constructor(type, "Entity");
        Class<?> root = type;
        Class<?> entityParent = null;
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            if (annotations.isEntity(s)) {
                entityParent = entityParent == null ? s : entityParent;
                root = s;
            }
        }
        io.athanor.orm.annotations.Inheritance rootInheritance = annotations.get(root, io.athanor.orm.annotations.Inheritance.class);
        boolean joined = rootInheritance != null && rootInheritance.strategy() == io.athanor.orm.annotations.InheritanceType.JOINED;
        Table table = annotations.get(joined ? type : root, Table.class);
        if (root != type && !joined && annotations.has(type, Table.class)) {
            problems.add(type.getName() + " has @Table, but it extends entity " + root.getName() + " and single-table "
                    + "inheritance stores it in " + root.getSimpleName() + "'s table. Remove @Table from " + type.getSimpleName()
                    + ".");
        }
        String tableName = table != null && !table.name().isEmpty() ? table.name()
                : Names.snake((joined ? type : root).getSimpleName());
        Table rootTable = annotations.get(root, Table.class);
        String schema = table != null ? table.schema() : joined && rootTable != null ? rootTable.schema() : "";
        String entityName = annotations.entityName(type);
        String name = entityName.isEmpty() ? type.getSimpleName() : entityName;
        EntityDraft draft = new EntityDraft(type, name, schema, tableName, constructor);
        draft.isAbstract = isAbstract;
        draft.entityParent = entityParent;
        draft.joined = joined;
        new InheritanceReader(annotations, problems).read(draft, root);
        io.athanor.orm.annotations.MaterializedView view = type.getAnnotation(io.athanor.orm.annotations.MaterializedView.class);
        if (view != null) {
            draft.viewQuery = view.query();
        }
        bindings = new TypeBindings(type);
        readHierarchyFields(draft);
        if (draft.ids().isEmpty()) {
            problems.add("Entity " + type.getName() + " has no @Id field: mark its primary key field with @Id.");
        }
        if (table != null && (root == type || joined)) {
            for (UniqueConstraint u : table.uniqueConstraints()) {
                String n = u.name().isEmpty() ? "uq_" + tableName + "_" + String.join("_", u.columns()) : u.name();
                draft.indexes.add(new IndexModel(n, List.of(u.columns()), true, true));
            }
            for (Index i : table.indexes()) {
                String n = i.name().isEmpty() ? "ix_" + tableName + "_" + String.join("_", i.columns()) : i.name();
                draft.indexes.add(new IndexModel(n, List.of(i.columns()), i.unique(), false));
            }
        }
        long versions = draft.properties.stream().filter(PropertyModel::version).count();
        if (versions > 1) {
            problems.add("Entity " + type.getName() + " has " + versions + " @Version fields; keep one.");
        }
        return draft;
    }

    /**
     * Reads the fields of the class and of the superclasses it maps, the topmost first: mapped superclasses and
     * entity superclasses; fields of other superclasses are not mapped (as in JPA). A class below the one that
     * declares the id may not declare another.
     */
    private void readHierarchyFields(EntityDraft draft) {
        List<Class<?>> chain = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c == type || annotations.isEntity(c) || annotations.has(c, io.athanor.orm.annotations.MappedSuperclass.class)) {
                chain.add(0, c);
            }
        }
        Class<?> idHolder = null;
        for (Class<?> c : chain) {
            int before = draft.ids().size();
            readFields(draft, c, "", "", null);
            if (draft.ids().size() > before) {
                if (idHolder != null) {
                    problems.add(c.getName() + " declares an @Id, but " + idHolder.getName() + ", which it extends, declares "
                            + "the id already; an entity keeps the key of its superclass. Remove the @Id field from "
                            + c.getSimpleName() + ".");
                } else {
                    idHolder = c;
                }
            }
        }
    }

    private Supplier<Object> constructor(Class<?> c, String what) {
        try {
            MethodHandle ctor = MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                    .findConstructor(c, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
            return () -> {
                try {
                    return (Object) ctor.invokeExact();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException("The constructor of " + c.getName() + " threw " + t, t);
                }
            };
        } catch (NoSuchMethodException | IllegalAccessException e) {
            problems.add(what + " " + c.getName() + " has no no-argument constructor; Athanor creates instances with it "
                    + "when loading rows. Add one (it may be protected or private).");
            return () -> {
                throw new IllegalStateException("no constructor");
            };
        }
    }

    private void readFields(EntityDraft draft, Class<?> holder, String pathPrefix, String columnPrefix, EmbeddedHolder outer) {
        for (Field f : fieldsOf(holder)) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic() || annotations.has(f, Transient.class)) {
                continue;
            }
            String where = holder.getName() + "." + f.getName();
            if (Modifier.isFinal(mod) && !holder.isRecord()) {
                problems.add("Field " + where + " is final; Athanor sets mapped fields when loading rows. Remove 'final', "
                        + "or mark the field @Transient.");
                continue;
            }
            Accessor accessor = accessor(f, outer);
            if (accessor == null) {
                continue;
            }
            if (isRelationship(f)) {
                if (outer != null) {
                    problems.add("Field " + where + " is a relationship inside an @Embeddable; relationships belong on the entity.");
                    continue;
                }
                readRelationship(draft, f, accessor);
            } else if (annotations.has(f, Embedded.class)) {
                readEmbedded(draft, f, pathPrefix, columnPrefix, outer);
            } else {
                readBasic(draft, f, pathPrefix, columnPrefix, accessor);
            }
        }
    }

    private boolean isRelationship(Field f) {
        return annotations.has(f, ManyToOne.class) || annotations.has(f, OneToOne.class)
                || annotations.has(f, OneToMany.class) || annotations.has(f, ManyToMany.class);
    }

    private void readEmbedded(EntityDraft draft, Field f, String pathPrefix, String columnPrefix, EmbeddedHolder outer) {
        Class<?> valueType = f.getType();
        String where = f.getDeclaringClass().getName() + "." + f.getName();
        if (!annotations.has(valueType, Embeddable.class)) {
            problems.add("Field " + where + " is @Embedded, but " + valueType.getName() + " is not annotated @Embeddable.");
            return;
        }
        annotations.checkSupported(valueType, problems);
        RecordShape shape = null;
        Supplier<Object> create = null;
        if (valueType.isRecord()) {
            shape = recordShape(valueType);
            if (shape == null) {
                return;
            }
        } else {
            create = constructor(valueType, "Embeddable");
        }
        Accessor holder = accessor(f, outer);
        if (holder == null) {
            return;
        }
        String prefix = annotations.get(f, Embedded.class).prefix();
        String cols = columnPrefix + ("\0".equals(prefix) ? Names.snake(f.getName()) + "_" : prefix);
        readFields(draft, valueType, pathPrefix + f.getName() + ".", cols, new EmbeddedHolder(holder, create, shape));
    }

    /** A record's component fields in component order; a class's declared fields. */
    private static List<Field> fieldsOf(Class<?> holder) {
        if (!holder.isRecord()) {
            return Arrays.asList(holder.getDeclaredFields());
        }
        List<Field> fields = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent c : holder.getRecordComponents()) {
            try {
                fields.add(holder.getDeclaredField(c.getName()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("record " + holder.getName() + " has no field " + c.getName(), e);
            }
        }
        return fields;
    }

    /**
     * Reads and writes {@code f}: directly on an entity; through its holder in an embedded class (creating
     * the value on first write); by building a new record in an embedded record. {@code null} after noting
     * a problem.
     */
    private Accessor accessor(Field f, EmbeddedHolder outer) {
        if (outer != null && outer.shape != null) {
            return new RecordComponentAccessor(outer.field, outer.shape, outer.shape.index(f.getName()));
        }
        try {
            FieldAccessor own = new FieldAccessor(f, MethodHandles.privateLookupIn(f.getDeclaringClass(), MethodHandles.lookup()));
            return outer == null ? own : new NestedAccessor(outer, outer::create, own);
        } catch (IllegalAccessException e) {
            problems.add("Athanor cannot access field " + f.getDeclaringClass().getName() + "." + f.getName() + ": "
                    + e.getMessage());
            return null;
        }
    }

    private RecordShape recordShape(Class<?> record) {
        try {
            return new RecordShape(record);
        } catch (IllegalAccessException e) {
            problems.add("Athanor cannot access record " + record.getName() + ": its module does not open package "
                    + record.getPackageName() + ". Add 'opens " + record.getPackageName() + ";' to module-info.java.");
        } catch (NoSuchMethodException e) {
            problems.add("Embeddable record " + record.getName() + " has no canonical constructor Athanor can call: " + e);
        }
        return null;
    }

    private void readBasic(EntityDraft draft, Field f, String pathPrefix, String columnPrefix, Accessor accessor) {
        String where = f.getDeclaringClass().getName() + "." + f.getName();
        Class<?> javaType = ColumnTypes.box(bindings.rawType(f));
        Column column = annotations.get(f, Column.class);
        ColumnType columnType = columnType(f, javaType, column, where);
        if (columnType == null) {
            return;
        }
        boolean id = annotations.has(f, Id.class);
        boolean version = annotations.has(f, Version.class);
        if (version && !VERSION_TYPES.contains(javaType)) {
            problems.add("@Version field " + where + " is a " + f.getType().getSimpleName()
                    + ", which cannot be incremented; use int, long or short (or their boxes).");
        }
        GeneratedValue generated = annotations.get(f, GeneratedValue.class);
        GenerationType generation = null;
        SequenceModel sequence = null;
        String tableName = draft.table;
        String columnName = columnPrefix + (column != null && !column.name().isEmpty() ? column.name() : Names.snake(f.getName()));
        if (generated != null) {
            generation = generated.strategy();
            if (!id) {
                problems.add("Field " + where + " has @GeneratedValue but is not an @Id.");
            } else if (generation == GenerationType.UUID && javaType != UUID.class) {
                problems.add("Field " + where + " uses GenerationType.UUID but is a " + f.getType().getSimpleName()
                        + "; make it a java.util.UUID, or pick IDENTITY or SEQUENCE.");
            } else if (generation != GenerationType.UUID && !IDENTITY_TYPES.contains(javaType)) {
                problems.add("Field " + where + " uses GenerationType." + generation + " but is a " + f.getType().getSimpleName()
                        + "; database-generated keys must be int, long or short (or their boxes).");
            } else if (generation == GenerationType.SEQUENCE) {
                if (generated.allocationSize() < 1) {
                    problems.add("Field " + where + " has allocationSize " + generated.allocationSize() + "; it must be 1 or more.");
                }
                String seq = generated.sequenceName().isEmpty() ? tableName + "_" + columnName + "_seq" : generated.sequenceName();
                sequence = new SequenceModel(draft.schema, seq, Math.max(1, generated.allocationSize()));
            }
        }
        boolean nullable = !id && !f.getType().isPrimitive() && (column == null || column.nullable());
        io.athanor.orm.annotations.Generated dbSet = f.getAnnotation(io.athanor.orm.annotations.Generated.class);
        boolean created = f.isAnnotationPresent(io.athanor.orm.annotations.CreatedAt.class);
        boolean updated = f.isAnnotationPresent(io.athanor.orm.annotations.UpdatedAt.class);
        checkSetElsewhere(where, f, javaType, id || version || generated != null, dbSet != null, created, updated);
        ColumnModel model = new ColumnModel(columnName, columnType, nullable, column != null && column.unique(),
                dbSet == null && (column == null || column.insertable()),
                dbSet == null && !created && (column == null || column.updatable()),
                column == null ? "" : column.serverDefault(), generation == GenerationType.IDENTITY,
                dbSet == null ? null : dbSet.value());
        PropertyModel property = new PropertyModel(pathPrefix + f.getName(), javaType, accessor, model, id, version, generation,
                sequence);
        draft.properties.add(property);
        if (created) {
            draft.createdAt = onlyOne(draft.createdAt, property, where, "@CreatedAt");
        }
        if (updated) {
            draft.updatedAt = onlyOne(draft.updatedAt, property, where, "@UpdatedAt");
        }
        draft.columnOrigins.add(new String[] {columnName, where});
    }

    /** Notes what is wrong with a field the database (@Generated) or the clock (@CreatedAt, @UpdatedAt) sets. */
    private void checkSetElsewhere(String where, Field f, Class<?> javaType, boolean keyOrVersion, boolean dbSet,
                                   boolean created, boolean updated) {
        String stamp = created ? "@CreatedAt" : "@UpdatedAt";
        if ((created || updated) && !STAMP_TYPES.contains(javaType)) {
            problems.add(stamp + " field " + where + " is a " + f.getType().getSimpleName() + "; make it an Instant, "
                    + "LocalDateTime or OffsetDateTime.");
        }
        if (created && updated) {
            problems.add("Field " + where + " is both @CreatedAt and @UpdatedAt; keep one (@UpdatedAt is also set on insert).");
        }
        if ((created || updated || dbSet) && keyOrVersion) {
            problems.add("Field " + where + " is a key or @Version and cannot also be " + (dbSet ? "@Generated" : stamp)
                    + "; remove one of them.");
        }
        if (dbSet && (created || updated)) {
            problems.add("Field " + where + " is @Generated (the database sets it) and " + stamp + " (Athanor sets it); "
                    + "keep one.");
        }
    }

    private PropertyModel onlyOne(PropertyModel previous, PropertyModel property, String where, String annotation) {
        if (previous != null) {
            problems.add("Entity " + type.getName() + " has two " + annotation + " fields (" + previous.path() + " and "
                    + where + "); keep one.");
        }
        return property;
    }

    private ColumnType columnType(Field f, Class<?> javaType, Column column, String where) {
        int length = column == null ? 0 : column.length();
        int precision = column == null ? 0 : column.precision();
        int scale = column == null ? -1 : column.scale();
        String sqlType = column == null ? "" : column.sqlType();
        MappingAnnotations.Converter converter = annotations.converter(f, where, problems);
        if (converter != null) {
            return converter.converter() == null ? null : ColumnTypes.converted(converter.converter(),
                    ColumnTypes.of(converter.databaseType(), EnumType.STRING, length, precision, scale, sqlType, dialect), javaType);
        }
        Json json = f.getAnnotation(Json.class);
        if (json != null) {
            return jsonType(f, json, sqlType, where);
        }
        ColumnType registered = fieldTypes.of(javaType, length, precision, scale, sqlType, where, problems);
        if (registered != null || fieldTypes.maps(javaType)) {
            return registered;
        }
        ColumnType array;
        try {
            array = ColumnTypes.array(f.getType(), f.getGenericType(), sqlType, dialect);
        } catch (IllegalArgumentException e) {
            problems.add("Field " + where + " " + e.getMessage());
            return null;
        }
        if (array != null) {
            return array;
        }
        if (!ColumnTypes.isSupported(javaType)) {
            problems.add("Field " + where + " has type " + f.getType().getName() + ", which Athanor does not map. Supported: "
                    + ColumnTypes.SUPPORTED + "; arrays: " + ColumnTypes.ARRAYS + ". Add @Convert with an AttributeConverter, "
                    + "register a type for it (SessionFactory.builder(engine).types(t -> t.register(...))), mark it @Json "
                    + "(stored as JSON) or @Embedded (for an @Embeddable), or mark it @Transient.");
            return null;
        }
        Enumerated enumerated = annotations.get(f, Enumerated.class);
        try {
            return ColumnTypes.of(javaType, enumerated == null ? EnumType.STRING : enumerated.value(), length, precision, scale,
                    sqlType, dialect);
        } catch (IllegalArgumentException e) {
            problems.add("Field " + where + ": " + e.getMessage());
            return null;
        }
    }

    /** The type of a {@code @Json} field, or {@code null} (with the problem noted) when it cannot be mapped. */
    private ColumnType jsonType(Field f, Json json, String sqlType, String where) {
        if (f.getType().isPrimitive()) {
            problems.add("Field " + where + " is a " + f.getType() + " marked @Json; JSON fields hold objects: remove @Json.");
            return null;
        }
        try {
            return ColumnTypes.json(f.getGenericType(), json.binary(), jsonCodec, sqlType, dialect, where);
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add("Field " + where + " " + e.getMessage());
            return null;
        }
    }

    private void readRelationship(EntityDraft draft, Field f, Accessor accessor) {
        RelationshipDraft r = new RelationshipDraft();
        r.field = f;
        r.accessor = accessor;
        ManyToOne m2o = annotations.get(f, ManyToOne.class);
        OneToOne o2o = annotations.get(f, OneToOne.class);
        OneToMany o2m = annotations.get(f, OneToMany.class);
        ManyToMany m2m = annotations.get(f, ManyToMany.class);
        if (m2o != null) {
            r.kind = RelationshipModel.Kind.MANY_TO_ONE;
            r.fetch = m2o.fetch();
            r.cascade = cascade(m2o.cascade());
            r.optional = m2o.optional();
        } else if (o2o != null) {
            r.kind = RelationshipModel.Kind.ONE_TO_ONE;
            r.fetch = o2o.fetch();
            r.cascade = cascade(o2o.cascade());
            r.optional = o2o.optional();
            r.mappedBy = o2o.mappedBy();
            r.orphanRemoval = o2o.orphanRemoval();
            r.passiveDeletes = o2o.passiveDeletes();
            if (r.passiveDeletes && r.mappedBy.isEmpty()) {
                problems.add("Field " + r.describe() + " is an owning @OneToOne with passiveDeletes = true, which only the "
                        + "inverse side (the one with mappedBy) uses; remove it, or move it to the other side.");
            }
        } else if (o2m != null) {
            r.kind = RelationshipModel.Kind.ONE_TO_MANY;
            r.fetch = o2m.fetch();
            r.cascade = cascade(o2m.cascade());
            r.mappedBy = o2m.mappedBy();
            r.orderBy = o2m.orderBy();
            r.orphanRemoval = o2m.orphanRemoval();
            r.passiveDeletes = o2m.passiveDeletes();
        } else {
            r.kind = RelationshipModel.Kind.MANY_TO_MANY;
            r.fetch = m2m.fetch();
            r.cascade = cascade(m2m.cascade());
            r.mappedBy = m2m.mappedBy();
            r.orderBy = m2m.orderBy();
            r.passiveDeletes = m2m.passiveDeletes();
            r.viewOnly = m2m.viewOnly();
            if (r.viewOnly && !r.mappedBy.isEmpty()) {
                problems.add("Field " + r.describe() + " is the inverse side of a @ManyToMany (mappedBy) with viewOnly = true; "
                        + "only the owning side writes link rows, so put viewOnly on " + r.mappedBy + " instead.");
            }
        }
        r.joinColumn = annotations.get(f, JoinColumn.class);
        r.joinTable = annotations.get(f, JoinTable.class);
        if (r.kind == RelationshipModel.Kind.ONE_TO_MANY || r.kind == RelationshipModel.Kind.MANY_TO_MANY) {
            Type generic = f.getGenericType();
            Type element = bindings.elementType(f);
            if (!(element instanceof Class) || !isCollectionType(f.getType())) {
                problems.add("Field " + r.describe() + " is a to-many relationship, so it must be a List<T>, Set<T>, "
                        + "Collection<T> or DynamicCollection<T> of the target entity; it is " + generic.getTypeName() + ".");
                return;
            }
            r.collectionType = f.getType();
            r.target = (Class<?>) element;
            boolean dynamicType = f.getType().getName().equals("io.athanor.orm.DynamicCollection");
            if ((r.fetch == io.athanor.orm.annotations.FetchMode.DYNAMIC) != dynamicType) {
                problems.add(dynamicType ? "Field " + r.describe() + " is a DynamicCollection, so map it with fetch = "
                        + "FetchMode.DYNAMIC." : "Field " + r.describe() + " is fetch = FetchMode.DYNAMIC, so declare it as "
                        + "DynamicCollection<" + r.target.getSimpleName() + "> (initialised with DynamicCollection.of()).");
                return;
            }
            if (dynamicType && (r.kind != RelationshipModel.Kind.ONE_TO_MANY)) {
                problems.add("Field " + r.describe() + " is DYNAMIC, which needs a @OneToMany(mappedBy = ...) relationship.");
                return;
            }
            if (r.mappedBy.isEmpty() && r.kind == RelationshipModel.Kind.ONE_TO_MANY) {
                // the Jakarta front end has said why already (JPA would map a unidirectional one-to-many)
                if (annotations == NativeAnnotations.INSTANCE) {
                    problems.add("Field " + r.describe() + " is @OneToMany without mappedBy; name the @ManyToOne field of "
                            + r.target.getSimpleName() + " that refers back to " + draft.simpleName() + ".");
                }
                return;
            }
        } else {
            r.target = bindings.rawType(f);
        }
        draft.relationships.add(r);
    }

    private static boolean isCollectionType(Class<?> c) {
        return c == java.util.List.class || c == java.util.Set.class || c == Collection.class
                || c.getName().equals("io.athanor.orm.DynamicCollection");
    }

    private static Set<CascadeType> cascade(CascadeType[] types) {
        if (types.length == 0) {
            return Set.of();
        }
        EnumSet<CascadeType> set = EnumSet.noneOf(CascadeType.class);
        set.addAll(Arrays.asList(types));
        if (set.contains(CascadeType.ALL)) {
            set = EnumSet.allOf(CascadeType.class);
        }
        return Set.copyOf(set);
    }

    /**
     * The holder field of an embedded value: a class (created on first write) or a record (rebuilt on each
     * write, {@code shape} set).
     */
    private static final class EmbeddedHolder implements Accessor {
        private final Accessor field;
        private final Supplier<Object> create;
        private final RecordShape shape;

        EmbeddedHolder(Accessor field, Supplier<Object> create, RecordShape shape) {
            this.field = field;
            this.create = create;
            this.shape = shape;
        }

        @Override
        public Object get(Object entity) {
            return field.get(entity);
        }

        @Override
        public void set(Object entity, Object value) {
            field.set(entity, value);
        }

        Object create() {
            return create.get();
        }

        @Override
        public String toString() {
            return field.toString();
        }
    }
}
