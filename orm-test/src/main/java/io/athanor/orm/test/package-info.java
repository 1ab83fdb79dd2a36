/**
 * Test support for applications and for Athanor itself: {@link io.athanor.orm.test.DatabaseTest} runs a
 * JUnit 5 test on each real database (PostgreSQL, MariaDB, H2) in a schema of its own,
 * {@link io.athanor.orm.test.SqlRecorder} captures the statements an engine runs, and
 * {@link io.athanor.orm.test.ThrowawayPostgres} starts a private PostgreSQL server for tests that kill
 * sessions or restart the server. {@link io.athanor.orm.test.ScalingBed} starts, once per test run or per
 * class, a primary with a streaming standby ({@link io.athanor.orm.test.ReplicatedPostgres}) and a PgBouncer
 * in transaction pooling mode in front of it ({@link io.athanor.orm.test.ThrowawayPgBouncer}).
 */
package io.athanor.orm.test;
