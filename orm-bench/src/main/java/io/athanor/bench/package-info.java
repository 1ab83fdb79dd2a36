/**
 * JMH benchmarks of Athanor against hand-written JDBC, Hibernate ORM and JDBI: shared settings,
 * schema and inputs here; one package per implementation; the benchmark classes in
 * {@code io.athanor.bench.workload}.
 */
package io.athanor.bench;
