package io.athanor.orm.dialect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * What Athanor needs to know about one database: capability flags, type names and identifier quoting.
 * Code is gated on capabilities, not on database names. One instance per database kind; immutable and
 * thread-safe.
 */
public abstract class Dialect {
    private final String name;
    private java.time.Instant minInstant;
    private java.time.Instant maxInstant;
    private final Set<String> reserved;

    /**
     * @param name     the dialect's name ({@code postgresql}, {@code h2}, {@code mariadb})
     * @param reserved extra words, beyond the common SQL ones, that must be quoted as identifiers
     */
    protected Dialect(String name, Set<String> reserved) {
        this.name = name;
        this.reserved = reserved;
    }

    /** The dialect's name. */
    public final String name() {
        return name;
    }

    /** The database type for {@code type}, as written in DDL. */
    public String typeName(SqlType type) {
        if (type.custom() != null) {
            return type.custom();
        }
        return typeNameFor(type);
    }

    /** The database type name for a type with no custom override. */
    protected abstract String typeNameFor(SqlType type);

    /** The clause after a column's type that makes the database generate its value on insert. */
    public abstract String identityClause();

    /** The character that quotes identifiers. */
    protected char quoteChar() {
        return '"';
    }

    /**
     * The identifier as it must appear in SQL: quoted when it is a reserved word or is not a plain
     * lower-case name, so names such as {@code order} and {@code user} work as tables and columns.
     */
    public final String quote(String identifier) {
        if (needsQuoting(identifier)) {
            char q = quoteChar();
            return q + identifier.replace(String.valueOf(q), String.valueOf(q) + q) + q;
        }
        return identifier;
    }

    private boolean needsQuoting(String identifier) {
        if (identifier.isEmpty() || !(Character.isLowerCase(identifier.charAt(0)) || identifier.charAt(0) == '_')) {
            return true;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_') {
                return true;
            }
        }
        String upper = identifier.toUpperCase(Locale.ROOT);
        return ReservedWords.COMMON.contains(upper) || reserved.contains(upper);
    }

    /** {@code schema.name}, each part quoted as needed; just the name when {@code schema} is empty. */
    public final String qualify(String schema, String name) {
        return schema == null || schema.isEmpty() ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** Whether {@code INSERT ... RETURNING} is available. */
    public abstract boolean supportsReturning();

    /**
     * Whether {@code RETURNING} is available on {@code statement} ({@code "INSERT"}, {@code "UPDATE"}
     * or {@code "DELETE"}).
     */
    public boolean supportsReturningOn(String statement) {
        return supportsReturning();
    }

    /** How an insert-or-update is written. */
    public enum UpsertStyle {
        /** {@code INSERT ... ON CONFLICT (keys) DO UPDATE SET ... / DO NOTHING} (PostgreSQL). */
        ON_CONFLICT,
        /** {@code INSERT ... ON DUPLICATE KEY UPDATE ...} (MariaDB, MySQL). */
        ON_DUPLICATE_KEY,
        /** {@code MERGE INTO ... USING (VALUES ...) ... WHEN MATCHED ... WHEN NOT MATCHED ...} (H2, the SQL standard). */
        MERGE
    }

    /** How this dialect writes an upsert. */
    public abstract UpsertStyle upsertStyle();

    /** Whether sequences exist ({@code CREATE SEQUENCE}). */
    public boolean supportsSequences() {
        return true;
    }

    /** Whether {@code CREATE SCHEMA} creates a namespace inside the database (rather than a database, as on MariaDB). */
    public abstract boolean schemasAreNamespaces();

    /** Whether timestamps with time zone keep their offset (H2) rather than being normalised to UTC. */
    public abstract boolean keepsTimeZoneOffset();

    /** Whether the database has a native UUID column type that the driver binds from {@link java.util.UUID}. */
    public abstract boolean bindsUuidNatively();

    /** Whether the database has a timestamp-with-time-zone type; without one, instants are stored as UTC. */
    public abstract boolean hasTimestampWithTimeZone();

    /**
     * The DDL type of a column holding an array of {@code element} values ({@code text[]}, {@code integer ARRAY}),
     * or {@code null} where the database has no array columns (the default).
     */
    public String arrayTypeName(SqlType element) {
        return null;
    }

    /**
     * The element type name {@link java.sql.Connection#createArrayOf} takes for an array of {@code element} values;
     * only called where {@link #arrayTypeName} gave a type.
     */
    public String arrayElementName(SqlType element) {
        return typeNameFor(element);
    }

    /**
     * The DDL type of a JSON column, {@code binary} for a decomposed binary form where the database has one
     * (PostgreSQL's {@code jsonb}), or {@code null} where it has no JSON type. {@code json} by default.
     */
    public String jsonTypeName(boolean binary) {
        return "json";
    }

    /** How JSON text is bound to and read from a JSON column. */
    public enum JsonBinding {
        /** As a string ({@code setString}): the column takes text (MariaDB's {@code JSON}, a text alias). */
        TEXT,
        /** As a string of no declared type ({@code setObject(..., Types.OTHER)}), which the database converts (PostgreSQL). */
        UNTYPED,
        /** As UTF-8 bytes, which the database reads as JSON text rather than as one JSON string value (H2). */
        UTF8_BYTES
    }

    /** How JSON text is bound to a JSON column; {@link JsonBinding#TEXT} by default. */
    public JsonBinding jsonBinding() {
        return JsonBinding.TEXT;
    }

    /**
     * Whether text for a column of the custom type {@code sqlType} must be bound untyped, letting the
     * database convert it: on PostgreSQL every type but the text types ({@code json}, {@code jsonb}, an enum type
     * refuse a varchar, even a NULL one).
     */
    public boolean bindsTextAsUntyped(String sqlType) {
        return false;
    }

    /**
     * Whether a database enum is a named type created on its own ({@code CREATE TYPE ... AS ENUM}, PostgreSQL)
     * rather than an {@code ENUM(...)} column type (MariaDB, H2).
     */
    public boolean hasNamedEnumTypes() {
        return false;
    }

    /** Whether text columns can hold the character U+0000 (PostgreSQL's cannot). */
    public boolean storesNulInText() {
        return true;
    }

    /**
     * The earliest timestamp the database stores as itself; earlier values are refused before SQL is sent.
     * Timestamps with a time zone are compared in UTC. The whole of {@link LocalDateTime}'s range by default.
     */
    public LocalDateTime minTimestamp() {
        return LocalDateTime.MIN;
    }

    /** The latest timestamp the database stores as itself; see {@link #minTimestamp()}. */
    public LocalDateTime maxTimestamp() {
        return LocalDateTime.MAX;
    }

    /** {@link #minTimestamp()} as an instant in UTC, for timestamps with a time zone; worked out once. */
    public final java.time.Instant minInstant() {
        java.time.Instant i = minInstant;
        if (i == null) {
            i = minTimestamp().toInstant(java.time.ZoneOffset.UTC);
            minInstant = i; // a race computes the same immutable value
        }
        return i;
    }

    /** {@link #maxTimestamp()} as an instant in UTC, for timestamps with a time zone; worked out once. */
    public final java.time.Instant maxInstant() {
        java.time.Instant i = maxInstant;
        if (i == null) {
            i = maxTimestamp().toInstant(java.time.ZoneOffset.UTC);
            maxInstant = i;
        }
        return i;
    }

    /** The earliest date the database stores as itself; see {@link #minTimestamp()}. */
    public LocalDate minDate() {
        return LocalDate.MIN;
    }

    /** The latest date the database stores as itself; see {@link #minTimestamp()}. */
    public LocalDate maxDate() {
        return LocalDate.MAX;
    }

    /**
     * Whether the database has {@code -infinity} and {@code infinity} dates and timestamps, which Athanor
     * writes for (and reads back as) the {@code MIN} and {@code MAX} of {@link LocalDate},
     * {@link LocalDateTime} and {@link java.time.OffsetDateTime}, and only for those (PostgreSQL).
     */
    public boolean hasInfinity() {
        return false;
    }

    /**
     * The most bind parameters one statement may carry ({@code Integer.MAX_VALUE} for no limit); a statement
     * with more is refused before it is sent, naming the limit.
     */
    public int maxParameters() {
        return Integer.MAX_VALUE;
    }

    /**
     * Whether a list of values can be bound as one array parameter ({@code x = ANY(?)}), which a long
     * {@code in(...)} list uses instead of one parameter per value.
     */
    public boolean bindsArrays() {
        return false;
    }

    /** Whether {@code ILIKE} exists (otherwise it is emulated with {@code LOWER()}). */
    public abstract boolean supportsIlike();

    /** Whether {@code ORDER BY ... NULLS FIRST/LAST} exists (otherwise it is emulated). */
    public abstract boolean supportsNullsOrdering();

    /** Whether {@code FOR UPDATE SKIP LOCKED} exists. */
    public abstract boolean supportsSkipLocked();

    /**
     * Whether {@code FOR UPDATE} fails on a statement that outer-joins a table (PostgreSQL: "cannot be applied to the
     * nullable side of an outer join"), so a locking statement names the tables it locks ({@code FOR UPDATE OF}).
     */
    public boolean lockRefusesOuterJoins() {
        return false;
    }

    /**
     * The locking clause inside a derived table (a joined hierarchy's rows) that locks the rows it reads from the
     * tables named {@code innerAliases} (comma-separated, the ones it reads without an outer join), then
     * {@code waitOption}. A locking clause outside a derived table does not lock its rows on every database (MariaDB and
     * H2 leave them unlocked), so the lock goes inside.
     */
    public String lockInside(String innerAliases, String waitOption) {
        return " FOR UPDATE" + waitOption;
    }

    /** Whether {@code CREATE MATERIALIZED VIEW} exists (otherwise a view is a table filled from its query). */
    public boolean hasMaterializedViews() {
        return false;
    }

    /** Whether {@code DROP ... IF EXISTS} fails when the schema itself is missing (H2), so dropping creates it first. */
    public boolean dropNeedsSchema() {
        return false;
    }

    /**
     * Whether {@code GROUP BY} takes a selected column's position ({@code GROUP BY 1}); H2 does not, and
     * needs none: it matches a repeated expression's parameters by value.
     */
    public boolean groupsByPosition() {
        return true;
    }

    /**
     * Whether a grouped expression repeated elsewhere in the statement is recognised when its parameters hold the
     * same values (H2, MariaDB); PostgreSQL compares the text, so there repeated copies write safe values as literals.
     */
    public boolean groupsByParameterValue() {
        return true;
    }

    /** Whether {@code ORDER BY} takes a selected column's position ({@code ORDER BY 2}). */
    public boolean ordersByPosition() {
        return true;
    }

    /** Whether rows of values compare in order: {@code (a, b) > (?, ?)}; otherwise keyset conditions are expanded. */
    public boolean supportsRowValueComparison() {
        return true;
    }

    /** Whether a derived table takes a column list ({@code (VALUES ...) AS v (a, b)}); MariaDB's does not. */
    public boolean supportsDerivedColumnLists() {
        return true;
    }

    /**
     * Whether a parameter with nothing to compare it with (a row of a VALUES list) gets the type of the value bound
     * to it; H2 types it as text, so its VALUES lists cast their first row.
     */
    public boolean typesParametersByValue() {
        return true;
    }

    /** Whether set-returning functions ({@code generate_series}, {@code unnest}) can be FROM items. */
    public boolean supportsSetReturningFunctions() {
        return true;
    }

    /** Whether a subquery in FROM can be {@code LATERAL}, seeing the FROM items before it. */
    public boolean supportsLateral() {
        return false;
    }

    /** Whether OFFSET needs a LIMIT before it (MariaDB). */
    public boolean requiresLimitWithOffset() {
        return false;
    }

    /** Whether {@code DROP TABLE ... CASCADE} is accepted. */
    public boolean supportsDropCascade() {
        return true;
    }

    /** The statement that creates a sequence if it does not exist. */
    public String createSequence(String qualifiedName, long start, int increment) {
        return "CREATE SEQUENCE IF NOT EXISTS " + qualifiedName + " START WITH " + start + " INCREMENT BY " + increment;
    }

    /**
     * Whether a batched INSERT can give back any of its columns' values through the driver's generated
     * keys (not just an auto-increment key), so values the database chose come back without another
     * statement. Off by default.
     */
    public boolean returnsInsertedColumns() {
        return false;
    }

    /**
     * Whether a batched UPDATE can give back its rows' column values through the driver's generated keys
     * ({@code UPDATE ... RETURNING}), so values a trigger or generated column set come back without another
     * statement. Off by default: they are read with a SELECT by key.
     */
    public boolean returnsUpdatedColumns() {
        return false;
    }

    /** The name to ask the driver for a generated key column by (H2 stores unquoted names in upper case). */
    public String keyColumnName(String column) {
        return column;
    }

    /** A query returning the next value of a sequence. */
    public String nextSequenceValue(String qualifiedName) {
        return "SELECT NEXT VALUE FOR " + qualifiedName;
    }

    /** The statement that creates a schema if it does not exist. */
    public String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + quote(schema);
    }

    /** The database's name as people write it (PostgreSQL, MariaDB, H2), for messages. */
    public String displayName() {
        switch (name) {
            case "postgresql":
                return "PostgreSQL";
            case "mariadb":
                return "MariaDB";
            case "h2":
                return "H2";
            default:
                return name;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
