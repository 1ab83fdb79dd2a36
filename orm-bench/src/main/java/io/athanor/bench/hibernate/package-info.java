/** Hibernate ORM 7: entities mapped with Jakarta Persistence annotations, and the workloads through Hibernate sessions. */
package io.athanor.bench.hibernate;
