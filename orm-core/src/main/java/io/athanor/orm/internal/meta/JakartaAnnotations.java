package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.annotations.CascadeType;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.annotations.Enumerated;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Index;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.JoinTable;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.OneToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Transient;
import io.athanor.orm.annotations.UniqueConstraint;
import io.athanor.orm.annotations.Version;
import io.athanor.orm.internal.types.ColumnTypes;
import jakarta.persistence.FetchType;
import jakarta.persistence.SequenceGenerator;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jakarta Persistence annotations, translated into Athanor's: {@code jakarta.persistence.Column}
 * answers as an Athanor {@code @Column} with the same name, length, nullability and so on. Where JPA's
 * defaults differ from Athanor's, JPA's apply (an enum without {@code @Enumerated} is ORDINAL, an
 * {@code @Embedded} value's columns are not prefixed, an {@code EAGER} to-one loads JOINED). What has
 * no equivalent is refused by {@link JakartaRefusals}. Loaded only when the API is on the class path
 * (see {@link FrontEnds}). Stateless and thread-safe.
 */
final class JakartaAnnotations implements MappingAnnotations {

    @Override
    public String name() {
        return "Jakarta Persistence";
    }

    @Override
    public boolean isEntity(Class<?> type) {
        return type.isAnnotationPresent(jakarta.persistence.Entity.class);
    }

    @Override
    public String entityName(Class<?> type) {
        jakarta.persistence.Entity entity = type.getAnnotation(jakarta.persistence.Entity.class);
        return entity == null ? "" : entity.name();
    }

    @Override
    public <A extends Annotation> A get(AnnotatedElement element, Class<A> type) {
        Map<String, Object> values = element instanceof Field f ? field(f, type) : type((Class<?>) element, type);
        return values == null ? null : SyntheticAnnotation.of(type, values);
    }

    private static Map<String, Object> type(Class<?> c, Class<?> type) {
        if (type == Entity.class) {
            jakarta.persistence.Entity e = c.getAnnotation(jakarta.persistence.Entity.class);
            return e == null ? null : Map.of("name", e.name());
        }
        if (type == Embeddable.class) {
            return c.isAnnotationPresent(jakarta.persistence.Embeddable.class) ? Map.of() : null;
        }
        Map<String, Object> inheritance = JakartaInheritance.type(c, type);
        if (inheritance != null) {
            return inheritance;
        }
        if (type == Table.class) {
            jakarta.persistence.Table t = c.getAnnotation(jakarta.persistence.Table.class);
            return t == null ? null : Map.of("name", t.name(), "schema", t.schema(),
                    "indexes", Arrays.stream(t.indexes()).map(JakartaAnnotations::index).toArray(Index[]::new),
                    "uniqueConstraints", uniqueConstraints(t.uniqueConstraints()));
        }
        return null;
    }

    private static Index index(jakarta.persistence.Index i) {
        return SyntheticAnnotation.of(Index.class, Map.of("name", i.name(), "columns", columnList(i.columnList()),
                "unique", i.unique()));
    }

    static UniqueConstraint[] uniqueConstraints(jakarta.persistence.UniqueConstraint[] constraints) {
        return Arrays.stream(constraints).map(u -> SyntheticAnnotation.of(UniqueConstraint.class,
                Map.of("name", u.name(), "columns", u.columnNames()))).toArray(UniqueConstraint[]::new);
    }

    /** {@code "a, b DESC"} as {@code {"a", "b"}}: Athanor's indexes are ascending. */
    private static String[] columnList(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.split("\\s+")[0]).toArray(String[]::new);
    }

    private static Map<String, Object> field(Field f, Class<?> type) {
        if (type == Id.class) {
            return flag(f, jakarta.persistence.Id.class);
        }
        if (type == Version.class) {
            return flag(f, jakarta.persistence.Version.class);
        }
        if (type == Transient.class) {
            return flag(f, jakarta.persistence.Transient.class);
        }
        if (type == Column.class) {
            return column(f);
        }
        if (type == GeneratedValue.class) {
            return generated(f);
        }
        if (type == Enumerated.class) {
            jakarta.persistence.Enumerated e = f.getAnnotation(jakarta.persistence.Enumerated.class);
            if (e != null) {
                return Map.of("value", e.value() == jakarta.persistence.EnumType.STRING ? EnumType.STRING : EnumType.ORDINAL);
            }
            return f.getType().isEnum() ? Map.of("value", EnumType.ORDINAL) : null;     // JPA's default
        }
        if (type == Embedded.class) {
            boolean embedded = f.isAnnotationPresent(jakarta.persistence.Embedded.class)
                    || f.getType().isAnnotationPresent(jakarta.persistence.Embeddable.class);
            return embedded ? Map.of("prefix", "") : null;                                  // JPA: columns as named
        }
        if (type == JoinColumn.class) {
            return joinColumn(f);
        }
        if (type == JoinTable.class) {
            return joinTable(f);
        }
        return relationship(f, type);
    }

    private static Map<String, Object> flag(Field f, Class<? extends Annotation> jakarta) {
        return f.isAnnotationPresent(jakarta) ? Map.of() : null;
    }

    private static Map<String, Object> column(Field f) {
        jakarta.persistence.Column c = f.getAnnotation(jakarta.persistence.Column.class);
        jakarta.persistence.Basic basic = f.getAnnotation(jakarta.persistence.Basic.class);
        if (c == null && basic == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        boolean nullable = (c == null || c.nullable()) && (basic == null || basic.optional());
        values.put("nullable", nullable);
        if (c != null) {
            values.put("name", c.name());
            values.put("unique", c.unique());
            values.put("insertable", c.insertable());
            values.put("updatable", c.updatable());
            values.put("sqlType", c.columnDefinition());
            if (f.getType() == String.class || c.length() != 255) {            // 255 is JPA's default, not a byte[]'s size
                values.put("length", c.length());
            }
            if (c.precision() > 0) {
                values.put("precision", c.precision());
                values.put("scale", c.scale());
            }
        }
        return values;
    }

    private static Map<String, Object> generated(Field f) {
        jakarta.persistence.GeneratedValue g = f.getAnnotation(jakarta.persistence.GeneratedValue.class);
        if (g == null) {
            return null;
        }
        switch (g.strategy()) {
            case SEQUENCE: {
                SequenceGenerator s = sequenceGenerator(f, g.generator());
                Map<String, Object> values = new HashMap<>();
                values.put("strategy", GenerationType.SEQUENCE);
                if (s != null) {
                    values.put("sequenceName", s.sequenceName().isEmpty() ? s.name() : s.sequenceName());
                    values.put("allocationSize", s.allocationSize());
                }
                return values;
            }
            case UUID:
                return Map.of("strategy", GenerationType.UUID);
            case AUTO:
                // JPA leaves AUTO to the provider: a UUID key is generated as one, any other by the database.
                return Map.of("strategy", f.getType() == UUID.class ? GenerationType.UUID : GenerationType.IDENTITY);
            default:
                return Map.of("strategy", GenerationType.IDENTITY);                          // IDENTITY; TABLE is refused
        }
    }

    /** The {@code @SequenceGenerator} named {@code name} on the field or its class (or the one there, unnamed). */
    static SequenceGenerator sequenceGenerator(Field f, String name) {
        for (AnnotatedElement where : List.of(f, f.getDeclaringClass())) {
            for (SequenceGenerator s : where.getAnnotationsByType(SequenceGenerator.class)) {
                if (name.isEmpty() || s.name().equals(name)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> joinColumn(Field f) {
        jakarta.persistence.JoinColumn j = f.getAnnotation(jakarta.persistence.JoinColumn.class);
        return j == null ? null : Map.of("name", j.name(), "referencedColumnName", j.referencedColumnName(),
                "nullable", j.nullable(), "foreignKeyName", j.foreignKey().name());
    }

    private static Map<String, Object> joinTable(Field f) {
        jakarta.persistence.JoinTable j = f.getAnnotation(jakarta.persistence.JoinTable.class);
        return j == null ? null : Map.of("name", j.name(), "schema", j.schema(),
                "joinColumn", j.joinColumns().length == 1 ? j.joinColumns()[0].name() : "",
                "inverseJoinColumn", j.inverseJoinColumns().length == 1 ? j.inverseJoinColumns()[0].name() : "");
    }

    private static Map<String, Object> relationship(Field f, Class<?> type) {
        jakarta.persistence.OrderBy order = f.getAnnotation(jakarta.persistence.OrderBy.class);
        if (type == ManyToOne.class) {
            jakarta.persistence.ManyToOne m = f.getAnnotation(jakarta.persistence.ManyToOne.class);
            return m == null ? null : Map.of("fetch", toOne(m.fetch()), "optional", m.optional(), "cascade", cascade(m.cascade()));
        }
        if (type == OneToOne.class) {
            jakarta.persistence.OneToOne o = f.getAnnotation(jakarta.persistence.OneToOne.class);
            return o == null ? null : Map.of("mappedBy", o.mappedBy(), "fetch", toOne(o.fetch()), "optional", o.optional(),
                    "cascade", cascade(o.cascade()), "orphanRemoval", o.orphanRemoval());
        }
        if (type == OneToMany.class) {
            jakarta.persistence.OneToMany o = f.getAnnotation(jakarta.persistence.OneToMany.class);
            return o == null ? null : Map.of("mappedBy", o.mappedBy(), "fetch", toMany(o.fetch()), "cascade",
                    cascade(o.cascade()), "orphanRemoval", o.orphanRemoval(), "orderBy", orderBy(f, order));
        }
        if (type == ManyToMany.class) {
            jakarta.persistence.ManyToMany m = f.getAnnotation(jakarta.persistence.ManyToMany.class);
            return m == null ? null : Map.of("mappedBy", m.mappedBy(), "fetch", toMany(m.fetch()), "cascade",
                    cascade(m.cascade()), "orderBy", orderBy(f, order));
        }
        return null;
    }

    /** EAGER to-one loads in the owner's own statement, as JPA providers do; LAZY is Athanor's lazy reference. */
    private static FetchMode toOne(FetchType fetch) {
        return fetch == FetchType.EAGER ? FetchMode.JOINED : FetchMode.SELECT;
    }

    /** EAGER to-many loads with one statement per query (SELECTIN); LAZY on first use. */
    private static FetchMode toMany(FetchType fetch) {
        return fetch == FetchType.EAGER ? FetchMode.SELECTIN : FetchMode.SELECT;
    }

    private static CascadeType[] cascade(jakarta.persistence.CascadeType[] types) {
        return Arrays.stream(types).map(t -> CascadeType.valueOf(t.name())).toArray(CascadeType[]::new);
    }

    /** {@code @OrderBy} as Athanor's {@code orderBy}; JPA's empty {@code @OrderBy} orders by the target's key. */
    private static String orderBy(Field f, jakarta.persistence.OrderBy order) {
        if (order == null) {
            return "";
        }
        if (!order.value().isBlank()) {
            return order.value();
        }
        if (f.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> target) {
            for (Field t : target.getDeclaredFields()) {
                if (t.isAnnotationPresent(jakarta.persistence.Id.class)) {
                    return t.getName();
                }
            }
        }
        return "";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Converter converter(Field field, String where, List<String> problems) {
        jakarta.persistence.Convert convert = field.getAnnotation(jakarta.persistence.Convert.class);
        if (convert == null || convert.disableConversion()) {
            return null;
        }
        Class<?> type = convert.converter();
        Class<?> databaseType = NativeAnnotations.databaseType(type, jakarta.persistence.AttributeConverter.class);
        if (type == void.class || databaseType == null || !ColumnTypes.isSupported(databaseType)) {
            problems.add("@Convert on " + where + " must name converter = a class implementing jakarta.persistence."
                    + "AttributeConverter<X, Y> with Y one of: " + ColumnTypes.SUPPORTED + ".");
            return Converter.INVALID;
        }
        try {
            var converter = (jakarta.persistence.AttributeConverter<Object, Object>) type.getDeclaredConstructor().newInstance();
            return new Converter(new Adapter(converter), databaseType);
        } catch (ReflectiveOperationException e) {
            problems.add("Converter " + type.getName() + " on " + where + " needs a public no-argument constructor: " + e);
            return Converter.INVALID;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public AutoConverter autoConverter(Class<?> type, List<String> problems) {
        if (!jakarta.persistence.AttributeConverter.class.isAssignableFrom(type)) {
            return null;
        }
        jakarta.persistence.Converter annotation = type.getAnnotation(jakarta.persistence.Converter.class);
        if (annotation != null && !annotation.autoApply()) {
            problems.add("Converter " + type.getName() + " is registered to apply to every field of its type, but says "
                    + "@Converter(autoApply = false). Set autoApply = true, or name it with @Convert on the fields instead.");
            return null;
        }
        Class<?> attributeType = NativeAnnotations.attributeType(type, jakarta.persistence.AttributeConverter.class);
        Class<?> databaseType = NativeAnnotations.databaseType(type, jakarta.persistence.AttributeConverter.class);
        if (attributeType == null || databaseType == null || !ColumnTypes.isSupported(databaseType)) {
            problems.add("Converter " + type.getName() + " must implement jakarta.persistence.AttributeConverter<X, Y> with "
                    + "classes for X and Y, and Y one of: " + ColumnTypes.SUPPORTED + ".");
            return null;
        }
        try {
            var converter = (jakarta.persistence.AttributeConverter<Object, Object>) type.getDeclaredConstructor().newInstance();
            return new AutoConverter(attributeType, new Converter(new Adapter(converter), databaseType));
        } catch (ReflectiveOperationException e) {
            problems.add("Converter " + type.getName() + " needs a public no-argument constructor: " + e);
            return null;
        }
    }

    @Override
    public void checkSupported(Class<?> type, List<String> problems) {
        JakartaRefusals.check(type, problems);
        NativeAnnotations.MixedAnnotations.refuse(type, "io.athanor.orm.annotations.", "@jakarta.persistence.Entity",
                "Use jakarta.persistence annotations throughout the class, or annotate it with io.athanor.orm.annotations "
                        + "throughout", problems);
    }

    /** A Jakarta converter in Athanor's terms. */
    private record Adapter(jakarta.persistence.AttributeConverter<Object, Object> converter)
            implements AttributeConverter<Object, Object> {
        @Override
        public Object toDatabase(Object attribute) {
            return converter.convertToDatabaseColumn(attribute);
        }

        @Override
        public Object fromDatabase(Object value) {
            return converter.convertToEntityAttribute(value);
        }
    }
}
