package io.athanor.orm.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.query.Sql;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL at READ COMMITTED a session reads outside a transaction until it first writes (each
 * statement is its own transaction, as it sees the same rows either way), saving the BEGIN and the
 * ROLLBACK at close; the first write, lock or raw statement begins one.
 */
class ReadsOutsideTransactionTest {

    /**
     * Whether two reads in a row run in separate transactions: the first sets a transaction-local setting,
     * the second reads it back (empty once the first's transaction has ended).
     */
    private static boolean ownTransaction(Session s) {
        s.select(Sql.text("set_config('athanor.probe', 'set', true)", Map.of(), String.class).as("probe"))
                .from(Customer.class).limit(1).one();
        Row row = s.select(Sql.text("coalesce(current_setting('athanor.probe', true), '')", Map.of(), String.class).as("seen"))
                .from(Customer.class).limit(1).one();
        return row.get("seen", String.class).isEmpty();
    }

    /** PostgreSQL only: the probe uses its transaction-local settings (set_config). */
    @Test
    void readsRunOutsideATransactionUntilTheFirstWrite() {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL, getClass().getName())) {
            check(db.engine());
        }
    }

    private static void check(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1, 0);
        try (Session s = f.open()) {
            s.select(Customer.class).list();
            assertThat(ownTransaction(s)).as("a read after a read: no transaction spans them").isTrue();
            s.add(new Customer("writer"));
            s.flush();
            assertThat(ownTransaction(s)).as("after a write, reads are in its transaction").isFalse();
            s.commit();
            assertThat(ownTransaction(s)).as("after commit, reads are on their own again").isTrue();
            s.begin();
            s.select(Customer.class).list();
            assertThat(ownTransaction(s)).as("begin() starts a transaction at once").isFalse();
            s.rollback();
        }
        try (Session s = f.open(SessionOptions.readOnly())) {
            s.select(Customer.class).list();
            assertThat(ownTransaction(s)).as("read-only sessions keep their READ ONLY transaction").isFalse();
        }
    }
}
