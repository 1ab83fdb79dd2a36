/**
 * Test support for applications and for Athanor itself: {@link io.athanor.orm.test.DatabaseTest} runs a
 * JUnit 5 test on each real database (PostgreSQL, MariaDB, H2) in a schema of its own, and
 * {@link io.athanor.orm.test.SqlRecorder} captures the statements an engine runs.
 */
package io.athanor.orm.test;
