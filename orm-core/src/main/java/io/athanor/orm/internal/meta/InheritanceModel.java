package io.athanor.orm.internal.meta;

import java.util.List;
import java.util.Map;

/**
 * Where an entity sits in an inheritance hierarchy: the root, the discriminator column, this entity's value,
 * and which class each value names. Every entity of one hierarchy reads and writes the same row layout
 * ({@link EntityModel#rowColumns()}), so a row read for the root can be given to any subclass. In a joined
 * hierarchy the layout spans the hierarchy's tables ({@link #joined()}), and without a discriminator column the
 * "column" is worked out by the query from which subclass tables have a row. Immutable.
 *
 * @param root               the root entity class (the identity map keys every instance of the hierarchy by it)
 * @param discriminator      the discriminator column
 * @param discriminatorIndex the discriminator's position in {@link EntityModel#rowColumns()}
 * @param value              this entity's discriminator value (a {@code String} or an {@code Integer})
 * @param classes            the concrete class each value names, for the whole hierarchy
 * @param values             the values of this entity and of its subclasses (concrete ones only)
 * @param joined             the tables of a joined hierarchy as this entity reads and writes them, or {@code null}
 *                           for a single-table one
 */
public record InheritanceModel(Class<?> root, ColumnModel discriminator, int discriminatorIndex, Object value,
                               Map<Object, Class<?>> classes, List<Object> values, JoinedModel joined) {

    /**
     * Whether the class of a row is told by which tables of a joined hierarchy have it (there is no discriminator
     * column: {@link #discriminator()} is worked out by the query).
     */
    public boolean toldByTables() {
        return joined != null && discriminator.name().equals(JoinedHierarchies.CLASS_COLUMN);
    }

    /**
     * Whether a query of this entity must filter on the discriminator: it is not the root of a single-table
     * hierarchy (a joined subclass's query joins its own table instead).
     */
    public boolean filters(Class<?> type) {
        return type != root && joined == null;
    }

    /**
     * The condition keeping this entity's rows and its subclasses' ({@code "dtype" IN ('card', 'wire')}), its
     * discriminator column named through {@code quote}: the mapping's own values written as literals, so a
     * statement's shape does not depend on them; a condition no row meets when the entity has no concrete class.
     */
    public String discriminatorIn(java.util.function.UnaryOperator<String> quote) {
        StringBuilder out = new StringBuilder(quote.apply(discriminator.name()));
        if (values.isEmpty()) {
            return out.append(" IS NULL AND 1 = 0").toString();
        }
        out.append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            out.append(i > 0 ? ", " : "").append(v instanceof Integer ? v.toString() : "'" + v.toString().replace("'", "''") + "'");
        }
        return out.append(')').toString();
    }
}
