package io.athanor.orm.test;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.DatabaseException;
import java.sql.ResultSet;
import java.sql.Statement;

class TestDatabaseTest {

    @DatabaseTest
    void twoTestDatabasesDoNotSeeEachOthersTablesAndCloseDropsThem(DatabaseKind kind) throws Exception {
        TestDatabase a = TestDatabase.create(kind, "IsolationA");
        TestDatabase b = TestDatabase.create(kind, "IsolationB");
        try {
            assertThat(a.name()).startsWith("t_isolationa_").isNotEqualTo(b.name());
            a.engine().runInTransaction(c -> c.execute(text("create table only_in_a (id int)")));
            try (Connection c = b.engine().connect()) {
                assertThatThrownBy(() -> c.execute(text("select * from only_in_a"))).isInstanceOf(DatabaseException.class);
            }
        } finally {
            b.close();
        }
        Engine engineOfA = a.engine();
        a.close();
        assertThatThrownBy(engineOfA::connect).isInstanceOf(IllegalStateException.class);
        assertThat(exists(a)).isFalse();
    }

    private static boolean exists(TestDatabase db) throws Exception {
        if (db.kind() == DatabaseKind.H2) {
            return false; // SHUTDOWN removed the in-memory database; nothing is left to look for.
        }
        String sql = db.kind() == DatabaseKind.POSTGRESQL
                ? "select count(*) from information_schema.schemata where schema_name = '" + db.name() + "'"
                : "select count(*) from information_schema.schemata where schema_name = '" + db.name() + "'";
        try (java.sql.Connection c = TestServers.open(db.server(), db.server().jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @DatabaseTest
    void theExtensionGivesEachClassOneDatabasePerKind(TestDatabase db, Engine engine, DatabaseKind kind) {
        assertThat(db.kind()).isEqualTo(kind);
        assertThat(engine).isSameAs(db.engine());
        assertThat(db.name()).startsWith("t_testdatabasetest_");
    }

    @org.junit.jupiter.api.Test
    void isolatedNamesAreShortLowerCaseIdentifiers() {
        String name = TestDatabase.isolatedName("A.Very$Long-Test-Class-Name-That-Goes-On-And-On-Forever");
        assertThat(name).matches("t_[a-z0-9_]+").hasSizeLessThanOrEqualTo(63);
    }
}
