package io.athanor.orm.internal.meta;

import java.util.List;
import java.util.Map;

/**
 * Where an entity sits in a single-table hierarchy: the root, the discriminator column, this entity's value,
 * and which class each value names. Every entity of one hierarchy reads and writes the same row layout
 * ({@link EntityModel#rowColumns()}), so a row read for the root can be given to any subclass. Immutable.
 *
 * @param root               the root entity class (the identity map keys every instance of the hierarchy by it)
 * @param discriminator      the discriminator column
 * @param discriminatorIndex the discriminator's position in {@link EntityModel#rowColumns()}
 * @param value              this entity's discriminator value (a {@code String} or an {@code Integer})
 * @param classes            the concrete class each value names, for the whole hierarchy
 * @param values             the values of this entity and of its subclasses (concrete ones only)
 */
public record InheritanceModel(Class<?> root, ColumnModel discriminator, int discriminatorIndex, Object value,
                               Map<Object, Class<?>> classes, List<Object> values) {

    /** Whether a query of this entity must filter on the discriminator (it is not the root). */
    public boolean filters(Class<?> type) {
        return type != root;
    }
}
