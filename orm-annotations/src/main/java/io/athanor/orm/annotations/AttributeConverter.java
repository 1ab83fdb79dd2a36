package io.athanor.orm.annotations;

/**
 * Converts a field's Java type to a type the database stores, and back: for types Athanor does not
 * map itself (a {@code Money}, a JSON document stored as text or {@code jsonb}). The database-side
 * type {@code D} must be one Athanor maps (String, numbers, byte[], java.time, ...). Implementations
 * need a public no-argument constructor and must be thread-safe: one instance serves every row.
 *
 * @param <A> the field's type
 * @param <D> the type stored in the column
 */
public interface AttributeConverter<A, D> {

    /** The value to store for {@code attribute}; never called with {@code null}. */
    D toDatabase(A attribute);

    /** The field value for a stored {@code value}; never called with {@code null}. */
    A fromDatabase(D value);
}
