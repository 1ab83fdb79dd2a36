package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.DatabaseEnum;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.internal.types.ColumnTypes;
import io.athanor.orm.internal.types.DatabaseEnumType;
import io.athanor.orm.types.TypeRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The factory-wide part of choosing a field's column type, between the field's own {@code @Convert} and the
 * built-in types: a registered {@code ValueType}, a converter registered or auto-applied for the field's type,
 * a database enum. Built once per factory; immutable afterwards.
 */
final class FieldTypes {
    private final TypeRegistry registry;
    private final Dialect dialect;
    private final Map<Class<?>, MappingAnnotations.Converter> autoApplied = new HashMap<>();
    private final Map<Class<?>, ColumnType> databaseEnums = new HashMap<>();

    /**
     * @param converters converter classes to apply by type (the registry's, then those listed with the entities)
     */
    FieldTypes(TypeRegistry registry, Dialect dialect, List<Class<?>> converters, List<String> problems) {
        this.registry = registry;
        this.dialect = dialect;
        for (Class<?> c : converters) {
            MappingAnnotations.AutoConverter auto = FrontEnds.autoConverter(c, problems);
            if (auto == null) {
                if (!FrontEnds.isConverterClass(c)) {
                    problems.add(c.getName() + " was given to autoApply but implements no AttributeConverter (Athanor's or "
                            + "jakarta.persistence's); pass a converter class.");
                }
                continue;
            }
            MappingAnnotations.Converter earlier = autoApplied.put(ColumnTypes.box(auto.attributeType()), auto.converter());
            if (earlier != null) {
                problems.add("Two converters are applied to every " + auto.attributeType().getName() + " field ("
                        + earlier.converter() + " and " + c.getName() + "); keep one, and name the other with @Convert.");
            }
        }
    }

    /** For callers with no registrations: the built-in types only. */
    static FieldTypes builtIn(Dialect dialect) {
        return new FieldTypes(new TypeRegistry(), dialect, List.of(), new java.util.ArrayList<>());
    }

    /**
     * The column type the registry or the type itself decides for a field of {@code javaType} (boxed), or
     * {@code null} when the built-in types decide.
     */
    ColumnType of(Class<?> javaType, int length, int precision, int scale, String sqlType, String where, List<String> problems) {
        var valueType = registry.valueType(javaType);
        if (valueType != null) {
            try {
                return ColumnTypes.registered(valueType, dialect);
            } catch (IllegalArgumentException e) {
                problems.add("Field " + where + ": " + e.getMessage());
                return null;
            }
        }
        TypeRegistry.Conversion conversion = registry.conversion(javaType);
        MappingAnnotations.Converter converter = conversion != null
                ? new MappingAnnotations.Converter(conversion.converter(), conversion.databaseType()) : autoApplied.get(javaType);
        if (converter != null) {
            if (!ColumnTypes.isSupported(converter.databaseType())) {
                problems.add("The converter registered for " + javaType.getName() + " (used by " + where + ") stores a "
                        + converter.databaseType().getName() + "; it must store one of: " + ColumnTypes.SUPPORTED + ".");
                return null;
            }
            return ColumnTypes.converted(converter.converter(), ColumnTypes.of(converter.databaseType(), EnumType.STRING, length,
                    precision, scale, sqlType, dialect), javaType);
        }
        if (javaType.isEnum() && javaType.isAnnotationPresent(DatabaseEnum.class)) {
            return databaseEnums.computeIfAbsent(javaType, t -> {
                try {
                    return DatabaseEnumType.of(t, Names.snake(t.getSimpleName()), dialect);
                } catch (IllegalArgumentException e) {
                    problems.add("Field " + where + ": " + e.getMessage());
                    return null;
                }
            });
        }
        return null;
    }

    /**
     * Whether a type is mapped here (registered, converted, auto-applied, a database enum), so that the built-in
     * types never decide for it, also when {@link #of} found a problem with it.
     */
    boolean maps(Class<?> javaType) {
        return registry.valueType(javaType) != null || registry.conversion(javaType) != null || autoApplied.containsKey(javaType)
                || javaType.isEnum() && javaType.isAnnotationPresent(DatabaseEnum.class);
    }
}
