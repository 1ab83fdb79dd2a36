package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

class PrePingTest {

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aConnectionKilledOnTheServerIsReplacedWithoutTheCallerNoticing(TestDatabase db) throws Exception {
        boolean postgres = db.kind() == DatabaseKind.POSTGRESQL;
        String whoAmI = postgres ? "select pg_backend_pid()" : "select connection_id()";
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).prePing(true));

        long before;
        try (Connection c = engine.connect()) {
            before = c.execute(text(whoAmI)).scalar(Long.class);
        }
        try (java.sql.Connection admin = db.openJdbc(); Statement s = admin.createStatement()) {
            s.execute(postgres ? "select pg_terminate_backend(" + before + ")" : "KILL " + before);
            String stillThere = postgres ? "select count(*) from pg_stat_activity where pid = " + before
                    : "select count(*) from information_schema.processlist where id = " + before;
            Await.until(Duration.ofSeconds(30), () -> count(s, stillThere) == 0, "the killed session to leave the server");
        }

        try (Connection c = engine.connect()) {
            long after = c.execute(text(whoAmI)).scalar(Long.class);
            assertThat(after).isNotEqualTo(before);
        }
        assertThat(engine.pool().total()).isEqualTo(1);
    }

    private static long count(Statement s, String sql) {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
