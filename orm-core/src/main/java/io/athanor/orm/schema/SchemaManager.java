package io.athanor.orm.schema;

import java.util.List;

/**
 * Creates and drops the tables of a session factory's entities: SQLAlchemy's
 * {@code metadata.create_all()}. Tables are created parents first (and dropped children first), with
 * their schemas (created if missing), sequences, primary and foreign keys ({@code ON DELETE} included),
 * unique constraints, indexes and column defaults. Creation uses {@code IF NOT EXISTS}, so running it
 * twice is harmless; it never alters a table that already exists.
 *
 * <p>For production schemas, prefer a migration tool: {@link #createSql()} gives the DDL as text to
 * start from. Thread-safe.
 */
public interface SchemaManager {

    /**
     * Creates every table, sequence and schema that does not exist yet, in one transaction where the
     * database allows DDL in transactions (PostgreSQL, H2).
     *
     * @throws io.athanor.orm.error.DatabaseException if a statement fails; on PostgreSQL nothing is created then
     */
    void createAll();

    /** Drops every table (children first) and sequence; schemas are kept. */
    void dropAll();

    /** Creates the tables (and sequences, schemas) of the given entities, in dependency order. */
    void create(Class<?>... entities);

    /** Drops the tables of the given entities (children first) and their sequences. */
    void drop(Class<?>... entities);

    /** The statements {@link #createAll()} runs, in order. */
    List<String> createStatements();

    /** The statements {@link #dropAll()} runs, in order. */
    List<String> dropStatements();

    /** The DDL of {@link #createAll()} as one script, statements ended by {@code ;}, for migration tools. */
    default String createSql() {
        return String.join(";\n\n", createStatements()) + ";\n";
    }

    /** The DDL of {@link #dropAll()} as one script. */
    default String dropSql() {
        return String.join(";\n", dropStatements()) + ";\n";
    }
}
