package io.athanor.orm;

/** How {@link Session#bulkInsertMappings(Class, java.util.List, BulkMode)} sends rows. */
public enum BulkMode {
    /** JDBC batches of INSERT statements: every database. */
    BATCH,
    /**
     * PostgreSQL's {@code COPY ... FROM STDIN}: the rows stream as CSV in one round trip, the fastest
     * way to load many rows. PostgreSQL only; fields stored through a converter are not supported.
     * Engine events do not see the COPY, which the driver runs outside prepared statements.
     */
    COPY
}
