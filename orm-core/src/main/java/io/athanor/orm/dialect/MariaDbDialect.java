package io.athanor.orm.dialect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/** MariaDB 10.6 and later (and MySQL-compatible servers through the MariaDB driver). */
public final class MariaDbDialect extends Dialect {
    private static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final LocalDateTime MIN_TIMESTAMP = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final LocalDateTime MAX_TIMESTAMP = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);

    /** The one instance. */
    public static final MariaDbDialect INSTANCE = new MariaDbDialect();

    private MariaDbDialect() {
        super("mariadb", Set.of("ACCESSIBLE", "ANALYZE", "BEFORE", "BIGINT", "BLOB", "CALL", "CHANGE", "CONDITION",
                "DATABASE", "DATABASES", "DAY_HOUR", "DECIMAL", "DELAYED", "DESCRIBE", "DIV", "DUAL", "EACH", "ELSEIF",
                "ENCLOSED", "ESCAPED", "EXIT", "EXPLAIN", "FLOAT", "FORCE", "FULLTEXT", "HIGH_PRIORITY", "IF", "IGNORE",
                "INDEX", "INFILE", "INT", "INTEGER", "ITERATE", "KEYS", "KILL", "LEAVE", "LINES", "LOAD", "LOCK", "LONG",
                "LOOP", "MATCH", "MOD", "MODIFIES", "OPTIMIZE", "OPTION", "OUT", "OUTFILE", "PROCEDURE", "PURGE", "READ",
                "REGEXP", "RELEASE", "RENAME", "REPEAT", "REPLACE", "REQUIRE", "RESTRICT", "RETURN", "REVOKE", "RLIKE",
                "SCHEMA", "SCHEMAS", "SEPARATOR", "SHOW", "SPATIAL", "SQL", "STARTING", "STRAIGHT_JOIN", "TERMINATED",
                "TRIGGER", "UNDO", "UNLOCK", "UNSIGNED", "USAGE", "USE", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
                "VARCHAR", "WHILE", "WRITE", "XOR", "YEAR_MONTH", "ZEROFILL", "REAL", "DOUBLE", "PRECISION", "NUMERIC",
                "DEC", "CHAR", "CHARACTER", "SMALLINT", "TINYINT", "MEDIUMINT", "INT1", "INT2", "INT3", "INT4", "INT8",
                "BINARY", "VARBINARY", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT",
                "VARCHARACTER", "VARYING", "CONVERT", "CONTINUE", "CURSOR", "DECLARE", "DETERMINISTIC", "DISTINCTROW",
                "GENERAL", "INOUT", "INSENSITIVE", "LINEAR", "LOCALTIME", "LOCALTIMESTAMP", "LOW_PRIORITY", "MAXVALUE",
                "MINUTE_SECOND", "MINUTE_MICROSECOND", "HOUR_MINUTE", "HOUR_SECOND", "HOUR_MICROSECOND", "DAY_MINUTE",
                "DAY_SECOND", "DAY_MICROSECOND", "SECOND_MICROSECOND", "NO_WRITE_TO_BINLOG", "OPTIONALLY", "OVER",
                "PARTITION", "READS", "READ_WRITE", "RECURSIVE", "RESIGNAL", "RETURNING", "ROW_NUMBER", "SENSITIVE",
                "SIGNAL", "SPECIFIC", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "SQL_BIG_RESULT", "SQL_CALC_FOUND_ROWS",
                "SQL_SMALL_RESULT", "SSL", "STORED", "VIRTUAL", "GENERATED", "OPTIMIZER_COSTS", "IO_AFTER_GTIDS",
                "IO_BEFORE_GTIDS", "MASTER_SSL_VERIFY_SERVER_CERT", "FLOAT4", "FLOAT8", "MIDDLEINT", "PAGE_CHECKSUM",
                "PARSE_VCOL_EXPR", "POSITION", "REF_SYSTEM_ID", "STATS_AUTO_RECALC", "STATS_PERSISTENT",
                "STATS_SAMPLE_PAGES", "CURRENT_ROLE", "EXCEPT", "INTERSECT", "HAVING", "LIKE", "KEY"));
    }

    @Override
    protected char quoteChar() {
        return '`';
    }

    @Override
    protected String typeNameFor(SqlType t) {
        switch (t.kind()) {
            case BOOLEAN:
                return "boolean";
            case TINYINT:
                return "tinyint";
            case SMALLINT:
                return "smallint";
            case INTEGER:
                return "integer";
            case BIGINT:
                return "bigint";
            case REAL:
                return "float";
            case DOUBLE:
                return "double";
            case DECIMAL:
                return "decimal(" + t.precision() + "," + t.scale() + ")";
            case VARCHAR:
                return t.length() > 16_383 ? "longtext" : "varchar(" + t.length() + ")";
            case CHAR:
                return "char(1)";
            case BINARY:
                return t.length() > 0 && t.length() <= 65_535 ? "varbinary(" + t.length() + ")" : "longblob";
            case UUID:
                return "uuid";
            case DATE:
                return "date";
            case TIME:
            case TIME_TZ:
                return "time(6)";
            case TIMESTAMP:
            case TIMESTAMP_TZ:
                return "datetime(6)";
            default:
                throw new IllegalArgumentException("No MariaDB type for " + t);
        }
    }

    @Override
    public String identityClause() {
        return "AUTO_INCREMENT";
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    @Override
    public boolean schemasAreNamespaces() {
        return false;
    }

    @Override
    public boolean keepsTimeZoneOffset() {
        return false;
    }

    @Override
    public boolean bindsUuidNatively() {
        return false;
    }

    @Override
    public boolean hasTimestampWithTimeZone() {
        return false;
    }

    @Override
    public boolean supportsIlike() {
        return false;
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public boolean requiresLimitWithOffset() {
        return true;
    }

    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_DUPLICATE_KEY;
    }

    /** Year 1; MariaDB documents 1000 as the first year of DATETIME but stores from year 1 exactly. */
    @Override
    public LocalDateTime minTimestamp() {
        return MIN_TIMESTAMP;
    }

    @Override
    public LocalDateTime maxTimestamp() {
        return MAX_TIMESTAMP;
    }

    @Override
    public LocalDate minDate() {
        return MIN_DATE;
    }

    @Override
    public LocalDate maxDate() {
        return MAX_DATE;
    }

    @Override
    public boolean supportsReturningOn(String statement) {
        return !statement.equals("UPDATE");
    }

    @Override
    public boolean supportsDerivedColumnLists() {
        return false;
    }

    @Override
    public boolean supportsSetReturningFunctions() {
        return false;
    }
}
