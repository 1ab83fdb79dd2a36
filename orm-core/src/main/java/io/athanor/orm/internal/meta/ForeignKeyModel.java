package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.OnDelete;
import java.util.List;

/**
 * A foreign key constraint.
 *
 * @param name              the constraint name
 * @param columns           the referencing columns of this table
 * @param referencedSchema  the referenced table's schema (empty for the default)
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns
 * @param onDelete          what deleting the referenced row does
 */
public record ForeignKeyModel(String name, List<String> columns, String referencedSchema, String referencedTable,
                              List<String> referencedColumns, OnDelete onDelete) {
}
