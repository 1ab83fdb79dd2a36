package io.athanor.orm.query;

/** A column of a FROM item that is not an entity (a derived table, a common table), by name. */
final class NamedColumn<T> extends Expression<T> {
    private final Object source;
    private final String name;
    private final Class<T> type;

    NamedColumn(Object source, String name, Class<T> type) {
        this.source = source;
        this.name = name;
        this.type = type;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void render(SqlBuilder b) {
        b.column(source, name);
    }
}
