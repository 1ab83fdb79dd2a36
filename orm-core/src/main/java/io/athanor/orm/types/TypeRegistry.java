package io.athanor.orm.types;

import io.athanor.orm.annotations.AttributeConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java types a session factory maps, beyond (and before) the built-in ones. Filled while building the
 * factory, through {@code SessionFactory.builder(engine).types(t -> ...)}:
 *
 * <pre>{@code
 * SessionFactory.builder(engine)
 *         .types(t -> t.register(Money.class, new MoneyType())                   // a new column type
 *                      .convert(Point.class, String.class, new PointText())      // a converter for every Point field
 *                      .autoApply(CurrencyConverter.class))                      // a converter class, applied by type
 *         .entities(Order.class)
 *         .build();
 * }</pre>
 *
 * <p>For each mapped field the first of these that applies decides its column: the field's own
 * {@code @Convert}; a {@link ValueType} registered for the field's type; a converter registered (or
 * auto-applied) for the field's type; the built-in types (numbers, text, {@code java.time}, enums,
 * database enums, ...). A Jakarta {@code @Converter(autoApply = true)} class is auto-applied when passed to
 * {@link #autoApply(Class)} or listed among the entities.
 *
 * <p>Not thread-safe while it is being filled; the factory keeps its own copy, so changing a registry after
 * {@code build()} does not change a built factory.
 */
public final class TypeRegistry {
    private final Map<Class<?>, ValueType<?>> types = new LinkedHashMap<>();
    private final Map<Class<?>, Conversion> conversions = new LinkedHashMap<>();
    private final List<Class<?>> autoApplied = new java.util.ArrayList<>();

    /** An empty registry: only the built-in types. */
    public TypeRegistry() {
    }

    /**
     * Maps every field of {@code javaType} through {@code type}, also where a built-in type exists.
     *
     * @return this registry
     * @throws IllegalArgumentException if either is {@code null}, or {@code javaType} is primitive
     */
    public <J> TypeRegistry register(Class<J> javaType, ValueType<J> type) {
        check(javaType, type);
        types.put(javaType, type);
        return this;
    }

    /**
     * Stores every field of {@code javaType} through {@code converter}, as a column of {@code databaseType}
     * (one of the types Athanor maps itself). A field's own {@code @Convert} still wins.
     *
     * @return this registry
     * @throws IllegalArgumentException if an argument is {@code null}, or {@code javaType} is primitive
     */
    @SuppressWarnings("unchecked")
    public <J, D> TypeRegistry convert(Class<J> javaType, Class<D> databaseType, AttributeConverter<J, D> converter) {
        check(javaType, converter);
        if (databaseType == null) {
            throw new IllegalArgumentException("convert(" + javaType.getName() + ", null, ...): name the type the converter "
                    + "stores, e.g. String.class.");
        }
        conversions.put(javaType, new Conversion(databaseType, (AttributeConverter<Object, Object>) (AttributeConverter<?, ?>) converter));
        return this;
    }

    /**
     * Applies a converter class to every field of the type it converts: a class implementing Athanor's
     * {@link AttributeConverter}, or a Jakarta {@code @Converter} class implementing
     * {@code jakarta.persistence.AttributeConverter}. It needs a public no-argument constructor; its types are
     * read from its declaration when the factory is built, and a class that cannot be used is reported then,
     * with the mapping's other problems.
     *
     * @return this registry
     * @throws IllegalArgumentException if {@code converterClass} is {@code null}
     */
    public TypeRegistry autoApply(Class<?> converterClass) {
        if (converterClass == null) {
            throw new IllegalArgumentException("autoApply(null): pass a converter class.");
        }
        autoApplied.add(converterClass);
        return this;
    }

    /** The type registered for {@code javaType}, or {@code null}. */
    public ValueType<?> valueType(Class<?> javaType) {
        return types.get(javaType);
    }

    /** The converter registered with {@link #convert} for {@code javaType}, or {@code null}. */
    public Conversion conversion(Class<?> javaType) {
        return conversions.get(javaType);
    }

    /** The classes given to {@link #autoApply(Class)}, in order. */
    public List<Class<?>> autoApplied() {
        return List.copyOf(autoApplied);
    }

    /** A copy holding the same registrations. */
    public TypeRegistry copy() {
        TypeRegistry c = new TypeRegistry();
        c.types.putAll(types);
        c.conversions.putAll(conversions);
        c.autoApplied.addAll(autoApplied);
        return c;
    }

    private static void check(Class<?> javaType, Object what) {
        if (javaType == null || what == null) {
            throw new IllegalArgumentException("A type registration needs a Java type and what maps it; one was null.");
        }
        if (javaType.isPrimitive()) {
            throw new IllegalArgumentException(javaType.getName() + " is primitive; register its box, which primitive "
                    + "fields share.");
        }
    }

    /**
     * A converter registered for a Java type.
     *
     * @param databaseType the type the converter stores (one Athanor maps itself)
     * @param converter    the converter; thread-safe, one instance for every row
     */
    public record Conversion(Class<?> databaseType, AttributeConverter<Object, Object> converter) {
    }
}
