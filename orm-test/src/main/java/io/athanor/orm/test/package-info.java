/**
 * Test support for applications and for Athanor itself: {@link io.athanor.orm.test.DatabaseTest} runs a
 * JUnit 5 test on each real database (PostgreSQL, MariaDB, H2) in a schema of its own,
 * {@link io.athanor.orm.test.SqlRecorder} captures the statements an engine runs, and
 * {@link io.athanor.orm.test.ThrowawayPostgres} starts a private PostgreSQL server for tests that kill
 * sessions or restart the server.
 */
package io.athanor.orm.test;
