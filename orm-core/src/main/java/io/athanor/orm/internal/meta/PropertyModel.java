package io.athanor.orm.internal.meta;

import io.athanor.orm.annotations.GenerationType;

/**
 * A mapped field stored in one column.
 *
 * @param path       the field name, or {@code embedded.field}
 * @param javaType   the field's type, boxed
 * @param accessor   reads and writes the field
 * @param column     its column
 * @param id         whether it is (part of) the primary key
 * @param version    whether it is the optimistic-locking version
 * @param generation how its value is generated, or {@code null}
 * @param sequence   the sequence of a {@link GenerationType#SEQUENCE} id, or {@code null}
 */
public record PropertyModel(String path, Class<?> javaType, Accessor accessor, ColumnModel column, boolean id,
                            boolean version, GenerationType generation, SequenceModel sequence) {
}
