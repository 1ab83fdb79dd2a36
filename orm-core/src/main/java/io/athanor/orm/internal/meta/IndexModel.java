package io.athanor.orm.internal.meta;

import java.util.List;

/**
 * An index, or (with {@code constraint}) a unique constraint.
 *
 * @param name       its name
 * @param columns    the columns, in order
 * @param unique     whether values must be unique
 * @param constraint whether it is declared as a table constraint ({@code UNIQUE (...)}) rather than an index
 */
public record IndexModel(String name, List<String> columns, boolean unique, boolean constraint) {
}
