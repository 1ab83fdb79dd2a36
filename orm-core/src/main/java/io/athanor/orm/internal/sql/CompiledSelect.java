package io.athanor.orm.internal.sql;

import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.types.ColumnType;
import java.util.List;

/**
 * A compiled statement shape: its SQL, how to bind each parameter, and how to read each column.
 *
 * @param sql         the SQL with {@code ?} placeholders
 * @param binders     per parameter: the column type to bind it as, or {@code null} to bind by the value's class
 * @param entity      for an entity select: the entity read from the columns; otherwise {@code null}
 * @param labels      for a column select: the label of each column
 * @param readers     per column: the column type to read it as, or {@code null} for the driver's value
 */
public record CompiledSelect(String sql, ColumnType[] binders, EntityModel entity, List<String> labels, ColumnType[] readers) {
}
