package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.Map;

/**
 * A session whose connection died recovers at {@code rollback()}: the dead connection is let go and the next
 * transaction runs on a fresh one. The connection is ended by the server itself, through a timeout the test
 * sets on its own session (no other session of the shared server is touched, nothing is killed). H2 in memory
 * has no server session to lose.
 */
class DeadConnectionTest {

    /**
     * Has the server end this session's own connection: PostgreSQL closes a session idle in a transaction past
     * {@code idle_in_transaction_session_timeout}, MariaDB one idle past {@code wait_timeout}.
     */
    private static long endOwnBackend(Session s, DatabaseKind kind) {
        boolean postgres = kind == DatabaseKind.POSTGRESQL;
        long id = s.execute(Text.text(postgres ? "select pg_backend_pid()" : "select connection_id()"), Map.of())
                .scalar(Number.class).longValue();
        s.execute(Text.text(postgres ? "set idle_in_transaction_session_timeout = 100" : "set session wait_timeout = 1"),
                Map.of());
        return id;
    }

    private static boolean backendGone(SessionFactory f, DatabaseKind kind, long id) {
        return ShopFixture.number(f, kind == DatabaseKind.POSTGRESQL
                ? "select count(*) from pg_stat_activity where pid = " + id
                : "select count(*) from information_schema.processlist where id = " + id) == 0;
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void rollbackAfterTheConnectionDiedLeavesTheSessionUsable(TestDatabase db) {
        Engine engine = db.engine();
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 1, 1);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("changed before the connection died");
            s.flush();
            long pid = endOwnBackend(s, db.kind());
            Await.until(Duration.ofSeconds(30), () -> backendGone(f, db.kind(), pid), "the server to end the idle session");

            u.setName("after");
            assertThatThrownBy(s::commit).as("the commit on a dead connection fails").isNotNull();
            s.rollback(); // must not throw: the server already rolled the transaction back

            assertThat(u.getName()).as("the flushed change was rolled back with the transaction").isEqualTo("ann");
            u.setName("on a fresh connection");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(User.class, id).getName()).isEqualTo("on a fresh connection");
        }
        Await.until(Duration.ofSeconds(30), () -> engine.pool().active() == 0, "every connection back in the pool");
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aQueryOnADeadConnectionFailsAndRollbackRecovers(TestDatabase db) {
        Engine engine = db.engine();
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "bob", 0, 0);
        try (Session s = f.open()) {
            s.begin();
            long pid = endOwnBackend(s, db.kind());
            Await.until(Duration.ofSeconds(30), () -> backendGone(f, db.kind(), pid), "the server to end the idle session");
            assertThatThrownBy(() -> s.get(User.class, id)).isNotNull();
            s.rollback();
            assertThat(s.get(User.class, id).getName()).isEqualTo("bob");
        }
    }
}
