package io.athanor.orm.spring;

import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A private PostgreSQL schema per test class, and the spring.datasource.* properties that point at it. */
final class PostgresSchema {
    private PostgresSchema() {
    }

    static TestDatabase create(Class<?> owner) {
        return TestDatabase.create(DatabaseKind.POSTGRESQL, owner.getSimpleName());
    }

    static void register(TestDatabase db, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::jdbcUrl);
        if (db.server().user() != null) {
            registry.add("spring.datasource.username", () -> db.server().user());
        }
        if (db.server().password() != null) {
            registry.add("spring.datasource.password", () -> db.server().password());
        }
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }
}
