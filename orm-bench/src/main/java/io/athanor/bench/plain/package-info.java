/**
 * Plain classes that the hand-written JDBC and the JDBI implementations fill column by column
 * (neither framework has entities), and the SQL both send.
 */
package io.athanor.bench.plain;
