package io.athanor.orm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method once per database, each run named after its database ({@code [postgresql]}).
 * The method may take a {@link TestDatabase} parameter (the test class's private database on that
 * server) and an {@link io.athanor.orm.engine.Engine} parameter (its shared engine). Every method of a
 * class shares one database per kind, created on first use and dropped after the class.
 *
 * <pre>{@code
 * @DatabaseTest
 * void roundTrip(TestDatabase db) { ... }
 *
 * @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
 * void needsAServer(Engine engine) { ... }
 * }</pre>
 *
 * A database that cannot be reached fails the run with instructions; it is never skipped.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(DatabaseTestExtension.class)
public @interface DatabaseTest {

    /** The databases to run on (default: all). */
    DatabaseKind[] value() default {DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB, DatabaseKind.H2};
}
