package io.athanor.orm.internal.meta;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Athanor does not map of Jakarta Persistence, each refused with the class, the field or method,
 * the annotation, and what to do instead. Stateless and thread-safe.
 */
final class JakartaRefusals {
    private static final String P = "jakarta.persistence.";

    /** Annotations read on an entity or embeddable class; the others there are refused. */
    private static final Set<String> TYPE_ANNOTATIONS = Set.of("Entity", "Table", "Embeddable", "SequenceGenerator",
            "SequenceGenerators", "Access", "MappedSuperclass", "Inheritance", "DiscriminatorColumn", "DiscriminatorValue",
            "PrimaryKeyJoinColumn", "EntityListeners");

    /** Lifecycle callback annotations, read on methods (see {@link CallbackReader}). */
    private static final Set<String> CALLBACKS = Set.of("PrePersist", "PostPersist", "PreUpdate", "PostUpdate", "PreRemove",
            "PostRemove", "PostLoad");

    /** Annotations read on a field; the others there are refused. */
    private static final Set<String> FIELD_ANNOTATIONS = Set.of("Id", "GeneratedValue", "SequenceGenerator", "Column",
            "Basic", "Version", "Transient", "Enumerated", "Convert", "Embedded", "ManyToOne", "OneToOne", "OneToMany",
            "ManyToMany", "JoinColumn", "JoinTable", "OrderBy");

    /** Why an annotation is refused, and what to do instead. */
    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("IdClass", "composite keys are not mapped; give the entity a single @Id column (and a unique "
                    + "constraint over the natural key)"),
            Map.entry("EmbeddedId", "composite keys are not mapped; give the entity a single @Id column (and a unique "
                    + "constraint over the natural key)"),
            Map.entry("MapsId", "a key shared with a relationship is not mapped; give the entity its own @Id"),
            Map.entry("ElementCollection", "collections of values are not mapped; map the values as an @Entity with a "
                    + "@ManyToOne back to this one and a @OneToMany(mappedBy = ...) here"),
            Map.entry("CollectionTable", "collections of values are not mapped; map the values as an @Entity"),
            Map.entry("Lob", "Athanor sizes columns from the type: map the field as @Column(columnDefinition = \"text\") "
                    + "(or bytea / longblob), or give a String a large length"),
            Map.entry("Temporal", "java.util.Date and Calendar are not mapped; use java.time (LocalDate, LocalDateTime, "
                    + "OffsetDateTime, Instant) and remove @Temporal"),
            Map.entry("OrderColumn", "list positions are not stored; order the collection with @OrderBy over a field"),
            Map.entry("MapKey", "map-valued collections are not mapped; use a List or Set"),
            Map.entry("MapKeyColumn", "map-valued collections are not mapped; use a List or Set"),
            Map.entry("MapKeyJoinColumn", "map-valued collections are not mapped; use a List or Set"),
            Map.entry("MapKeyEnumerated", "map-valued collections are not mapped; use a List or Set"),
            Map.entry("AttributeOverride", "an @Embedded value's columns take the names its @Embeddable gives them; "
                    + "rename them there with @Column(name = ...)"),
            Map.entry("AttributeOverrides", "an @Embedded value's columns take the names its @Embeddable gives them; "
                    + "rename them there with @Column(name = ...)"),
            Map.entry("AssociationOverride", "relationships inside an @Embeddable are not mapped; put them on the entity"),
            Map.entry("JoinColumns", "foreign keys are single-column; refer to the target's single @Id"),
            Map.entry("SecondaryTable", "an entity has one table; map the other table as an entity with a @OneToOne"),
            Map.entry("SecondaryTables", "an entity has one table; map the other table as an entity with a @OneToOne"),
            Map.entry("TableGenerator", "keys come from IDENTITY, SEQUENCE or UUID; use one of those strategies"),
            Map.entry("NamedQuery", "queries are written in Athanor's typed query language "
                    + "(session.select(...)), not JPQL; remove it and keep the query as a method"),
            Map.entry("NamedQueries", "queries are written in Athanor's typed query language "
                    + "(session.select(...)), not JPQL; remove it and keep the queries as methods"),
            Map.entry("NamedNativeQuery", "run SQL with session.execute(text(...), params); remove it"),
            Map.entry("NamedNativeQueries", "run SQL with session.execute(text(...), params); remove it"),
            Map.entry("NamedEntityGraph", "say what loads with fetch modes or per-query options such as "
                    + ".options(selectinLoad(User_.orders)); remove it"),
            Map.entry("NamedEntityGraphs", "say what loads with fetch modes or per-query options; remove it"),
            Map.entry("SqlResultSetMapping", "map rows to records with list(Record.class); remove it"),
            Map.entry("ExcludeDefaultListeners", "the listeners registered with SessionFactory.builder(..).entityListener(...) "
                    + "are called for every entity their methods accept; make the listener's parameter a type this entity "
                    + "is not, and remove it"),
            Map.entry("ExcludeSuperclassListeners", "Athanor calls the @EntityListeners of superclasses; remove it"),
            Map.entry("Cacheable", "Athanor has no second-level cache (the identity map lives as long as the session); "
                    + "remove it"),
            Map.entry("Converts", "put one @Convert(converter = ...) on each field"),
            Map.entry("EnumeratedValue", "enums are stored by name or ordinal (@Enumerated); for another value use "
                    + "@Convert with an AttributeConverter"));

    private JakartaRefusals() {
    }

    static void check(Class<?> type, List<String> problems) {
        for (Class<?> s = type.getSuperclass(); s != null && s != Object.class; s = s.getSuperclass()) {
            if (s.isAnnotationPresent(jakarta.persistence.MappedSuperclass.class)) {
                checkMembers(s, problems);
            }
        }
        for (Annotation a : type.getAnnotations()) {
            refuseUnless(a, TYPE_ANNOTATIONS, type.getName(), "the class", problems);
            if (a instanceof Access access && access.value() == AccessType.PROPERTY) {
                problems.add(type.getName() + ": @Access(AccessType.PROPERTY) is not supported: Athanor reads and writes "
                        + "fields, never getters and setters. Remove it and put the annotations on the fields.");
            }
        }
        checkMembers(type, problems);
    }

    private static void checkMembers(Class<?> type, List<String> problems) {
        for (Field f : type.getDeclaredFields()) {
            String where = type.getName() + "." + f.getName();
            for (Annotation a : f.getAnnotations()) {
                refuseUnless(a, FIELD_ANNOTATIONS, where, "a field", problems);
            }
            field(f, where, problems);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (isRecordAccessor(type, m)) {
                continue; // a record component's annotations reach its accessor too; the field is what is read
            }
            String where = type.getName() + "." + m.getName() + "()";
            for (Annotation a : m.getAnnotations()) {
                if (a.annotationType().getName().startsWith(P)
                        && !CALLBACKS.contains(a.annotationType().getSimpleName())) {
                    String name = a.annotationType().getSimpleName();
                    String why = WHY.get(name);
                    problems.add(where + " is annotated @" + name + ", which Athanor does not support on a method: "
                            + (why != null ? why : "Athanor reads mapping annotations on fields only, never on getters; "
                            + "move it to the field") + ".");
                }
            }
        }
    }

    private static void refuseUnless(Annotation a, Set<String> read, String where, String what, List<String> problems) {
        if (!a.annotationType().getName().startsWith(P)) {
            return;
        }
        String name = a.annotationType().getSimpleName();
        if (read.contains(name)) {
            return;
        }
        String why = WHY.get(name);
        problems.add(where + " is annotated @" + name + ", which Athanor does not support" + (why != null ? ": " + why
                : " on " + what + "; remove it") + ".");
    }

    private static void field(Field f, String where, List<String> problems) {
        Column c = f.getAnnotation(Column.class);
        if (c != null && !c.table().isEmpty()) {
            problems.add(where + " has @Column(table = \"" + c.table() + "\"), which Athanor does not support: an entity "
                    + "has one table. Remove table, or map that table as its own entity.");
        }
        Basic basic = f.getAnnotation(Basic.class);
        if (basic != null && basic.fetch() == FetchType.LAZY) {
            problems.add(where + " has @Basic(fetch = LAZY), which Athanor does not support: columns load with their row. "
                    + "Remove fetch = LAZY, or move the large value to its own entity behind a lazy @OneToOne.");
        }
        GeneratedValue g = f.getAnnotation(GeneratedValue.class);
        if (g != null && g.strategy() == GenerationType.TABLE) {
            problems.add(where + " has @GeneratedValue(strategy = TABLE), which Athanor does not support: keys come from "
                    + "IDENTITY, SEQUENCE or UUID. Use one of those strategies.");
        }
        if (g != null && g.strategy() == GenerationType.SEQUENCE && !g.generator().isEmpty()
                && JakartaAnnotations.sequenceGenerator(f, g.generator()) == null) {
            problems.add(where + " has @GeneratedValue(generator = \"" + g.generator() + "\"), but no @SequenceGenerator "
                    + "of that name is on the field or its class. Add @SequenceGenerator(name = \"" + g.generator()
                    + "\", sequenceName = ...).");
        }
        SequenceGenerator s = g == null ? null : JakartaAnnotations.sequenceGenerator(f, g.generator());
        if (s != null && (s.initialValue() != 1 || !s.schema().isEmpty() || !s.catalog().isEmpty())) {
            problems.add(where + " has @SequenceGenerator(name = \"" + s.name() + "\") with an initialValue, schema or "
                    + "catalog, which Athanor does not support: its sequences start at 1 in the entity's schema. Remove "
                    + "them (an existing sequence keeps its own start).");
        }
        Convert convert = f.getAnnotation(Convert.class);
        if (convert != null && !convert.attributeName().isEmpty()) {
            problems.add(where + " has @Convert(attributeName = \"" + convert.attributeName() + "\"), which Athanor does "
                    + "not support. Put @Convert on the field of the @Embeddable itself.");
        }
        JoinTable jt = f.getAnnotation(JoinTable.class);
        if (jt != null && (jt.joinColumns().length > 1 || jt.inverseJoinColumns().length > 1)) {
            problems.add(where + " has a @JoinTable with several join columns, which Athanor does not support: link tables "
                    + "have one column per side. Refer to single-column keys.");
        }
        fetchAndTargets(f, where, problems);
    }

    private static void fetchAndTargets(Field f, String where, List<String> problems) {
        Class<?> target = void.class;
        if (f.getAnnotation(ManyToOne.class) != null) {
            target = f.getAnnotation(ManyToOne.class).targetEntity();
        } else if (f.getAnnotation(OneToOne.class) != null) {
            target = f.getAnnotation(OneToOne.class).targetEntity();
        } else if (f.getAnnotation(OneToMany.class) != null) {
            OneToMany o = f.getAnnotation(OneToMany.class);
            target = o.targetEntity();
            if (o.mappedBy().isEmpty()) {
                problems.add(where + " is a @OneToMany without mappedBy (a unidirectional one-to-many, through a join "
                        + "table or a @JoinColumn), which Athanor does not support. Map the @ManyToOne on the target "
                        + "and name it here with mappedBy, or map the link as a @ManyToMany with a @JoinTable.");
            }
        } else if (f.getAnnotation(ManyToMany.class) != null) {
            target = f.getAnnotation(ManyToMany.class).targetEntity();
        }
        if (target != void.class) {
            problems.add(where + " names targetEntity = " + target.getSimpleName() + ", which Athanor does not support: "
                    + "the target is the field's type (or its collection's element type). Declare the field with that "
                    + "type and remove targetEntity.");
        }
        JoinColumn j = f.getAnnotation(JoinColumn.class);
        if (j != null && !j.table().isEmpty()) {
            problems.add(where + " has @JoinColumn(table = \"" + j.table() + "\"), which Athanor does not support. Remove "
                    + "table.");
        }
    }

    private static boolean isRecordAccessor(Class<?> type, Method m) {
        if (!type.isRecord() || m.getParameterCount() != 0) {
            return false;
        }
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(m.getName())) {
                return true;
            }
        }
        return false;
    }
}
