/** JDBI 3: the workloads through its fluent API, filling the plain classes. */
package io.athanor.bench.jdbi;
