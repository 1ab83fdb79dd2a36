/** The reference implementation: hand-written JDBC over HikariCP. */
package io.athanor.bench.jdbc;
