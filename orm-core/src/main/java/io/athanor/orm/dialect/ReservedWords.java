package io.athanor.orm.dialect;

import java.util.Set;

/** Words reserved by the SQL standard and by all three databases alike: always quoted as identifiers. */
final class ReservedWords {
    static final Set<String> COMMON = Set.of(
            "ALL", "ALTER", "AND", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BOTH", "BY", "CASE", "CAST", "CHECK",
            "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE",
            "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "IN", "INNER", "INSERT", "INTERSECT",
            "INTERVAL", "INTO", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "NATURAL", "NOT", "NULL",
            "OFFSET", "ON", "OR", "ORDER", "OUTER", "PRIMARY", "RANGE", "REFERENCES", "RIGHT", "ROW", "ROWS", "SELECT",
            "SESSION_USER", "SET", "SOME", "TABLE", "THEN", "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "UPDATE",
            "USER", "USING", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH");

    private ReservedWords() {
    }
}
