package io.athanor.orm.internal.types;

import io.athanor.orm.annotations.DatabaseEnum;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.SqlType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An enum stored in a database enum type ({@link DatabaseEnum}): on PostgreSQL a named type the schema
 * manager creates, bound untyped so the server reads the label as that type; elsewhere an inline
 * {@code ENUM(...)} column.
 */
public final class DatabaseEnumType extends NameEnumType {
    private final String schema;
    private final String name;

    private DatabaseEnumType(Class<?> enumType, SqlType sqlType, boolean untyped, List<String> labels, String schema, String name) {
        super(enumType, sqlType, untyped, labels);
        this.schema = schema;
        this.name = name;
    }

    /**
     * The column type for {@code enumType}, annotated {@link DatabaseEnum}, on {@code dialect}.
     *
     * @param defaultName the type's name when the annotation gives none
     * @throws IllegalArgumentException when two constants share a label
     */
    public static DatabaseEnumType of(Class<?> enumType, String defaultName, Dialect dialect) {
        DatabaseEnum annotation = enumType.getAnnotation(DatabaseEnum.class);
        String name = annotation.name().isEmpty() ? defaultName : annotation.name();
        List<String> labels = EnumLabels.of(enumType);
        boolean named = dialect.hasNamedEnumTypes();
        String custom = named ? dialect.qualify(annotation.schema(), name) : "ENUM(" + literals(labels) + ")";
        SqlType sqlType = new SqlType(SqlType.Kind.VARCHAR, EnumLabels.longest(labels), 0, 0, custom);
        return new DatabaseEnumType(enumType, sqlType, named, labels, annotation.schema(), name);
    }

    /** Whether the type is created on its own (PostgreSQL), rather than written into each column. */
    public boolean named() {
        return !sqlType().custom().startsWith("ENUM(");
    }

    /** The PostgreSQL type's schema, empty for the default one. */
    public String schema() {
        return schema;
    }

    /** The PostgreSQL type's name. */
    public String name() {
        return name;
    }

    /** The labels as SQL string literals, comma-separated. */
    public String literals() {
        return literals(labels());
    }

    private static String literals(List<String> labels) {
        return labels.stream().map(l -> "'" + l.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }
}
