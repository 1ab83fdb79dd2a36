package io.athanor.orm.test;

/** The databases Athanor is tested against. */
public enum DatabaseKind {
    /** PostgreSQL, the primary target: every capability is tested here. */
    POSTGRESQL,
    /** MariaDB (and MySQL-compatible servers), the third dialect. */
    MARIADB,
    /** H2 in memory, the embedded default. */
    H2;

    /** Lower-case name, as used in display names and environment variables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
