package io.athanor.orm.annotations;

/** How a {@link GeneratedValue} key is produced. */
public enum GenerationType {
    /**
     * The database assigns it when the row is inserted (an identity or auto-increment column); read
     * back with {@code RETURNING} or the driver's generated keys.
     */
    IDENTITY,
    /**
     * Taken from a database sequence before the insert, {@code allocationSize} values per round trip,
     * so inserts can be batched. MariaDB 10.3+ has sequences too.
     */
    SEQUENCE,
    /** A random {@link java.util.UUID} made by Athanor before the insert; the field must be a {@code UUID}. */
    UUID
}
