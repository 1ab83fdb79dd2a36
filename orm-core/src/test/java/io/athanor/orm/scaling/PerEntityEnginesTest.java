package io.athanor.orm.scaling;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Binds;
import io.athanor.orm.PartialCommitException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.model.shards.Account;
import io.athanor.orm.model.shards.Account_;
import io.athanor.orm.model.shards.Customer;
import io.athanor.orm.model.shards.Invoice;
import io.athanor.orm.model.shards.Invoice_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Per-entity engines (SQLAlchemy's {@code binds={Invoice: billing}}) over two real databases of one kind: accounts
 * on the primary, invoices on a second database. Queries, flushes, loads and DDL go to each entity's engine; one
 * session's unit of work spans both, commits both and rolls both back.
 */
class PerEntityEnginesTest {
    private static final Map<DatabaseKind, TestDatabase> BILLING = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, Engine> ENGINES = new EnumMap<>(DatabaseKind.class);

    @AfterAll
    static void close() {
        BILLING.values().forEach(TestDatabase::close);
    }

    /** A second database of {@code kind}, its engine named {@code name}. */
    static synchronized Engine second(DatabaseKind kind, String name) {
        return ENGINES.computeIfAbsent(kind, k -> BILLING.computeIfAbsent(k, x -> TestDatabase.create(x, name))
                .newEngine(b -> b.name(name).poolSize(2).maxOverflow(2)));
    }

    private static SessionFactory fresh(Engine primary, DatabaseKind kind) {
        Engine billing = second(kind, "billing");
        SessionFactory f = SessionFactory.builder(Binds.builder(primary).entity(Invoice.class, billing).build())
                .entities(Account.class, Invoice.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    static long count(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT COUNT(*) FROM " + table)).scalar(Number.class).longValue();
        }
    }

    static boolean hasTable(Engine engine, String table) {
        try (Connection c = engine.connect()) {
            c.execute(text("SELECT COUNT(*) FROM " + table));
            return true;
        } catch (AthanorException e) {
            return false;
        }
    }

    private static Long accountWithInvoices(SessionFactory sessions, String name, String... numbers) {
        return sessions.inTransaction(s -> {
            Account a = new Account(name);
            s.add(a);
            int amount = 10;
            for (String n : numbers) {
                s.add(new Invoice(n, amount++, a));
            }
            return a;
        }).getId();
    }

    @DatabaseTest
    void eachTableIsCreatedAndWrittenOnItsEntitysEngine(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        Engine billing = second(kind, "billing");
        assertThat(hasTable(primary, "accounts")).isTrue();
        assertThat(hasTable(primary, "invoices")).isFalse();
        assertThat(hasTable(billing, "invoices")).isTrue();
        assertThat(hasTable(billing, "accounts")).isFalse();

        try (SqlRecorder onPrimary = SqlRecorder.attach(primary); SqlRecorder onBilling = SqlRecorder.attach(billing)) {
            accountWithInvoices(sessions, "ada", "A-1", "A-2");
            assertThat(onPrimary.sql()).allMatch(sql -> !sql.contains("invoices")).anyMatch(sql -> sql.startsWith("INSERT INTO accounts"));
            assertThat(onBilling.sql()).allMatch(sql -> !sql.contains("accounts")).anyMatch(sql -> sql.startsWith("INSERT INTO invoices"));
        }
        assertThat(count(primary, "accounts")).isEqualTo(1);
        assertThat(count(billing, "invoices")).isEqualTo(2);
    }

    @DatabaseTest
    void queriesAndLazyAndSelectinLoadsReadFromTheEntitysEngine(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        Long id = accountWithInvoices(sessions, "ada", "A-1", "A-2");
        try (Session s = sessions.open()) {
            List<Invoice> invoices = s.select(Invoice.class).orderBy(Invoice_.number).list();
            assertThat(invoices).extracting(Invoice::getNumber).containsExactly("A-1", "A-2");
            assertThat(invoices.get(0).getAccount().getName()).isEqualTo("ada");       // lazy, from the primary
            assertThat(invoices.get(0).getAccount()).isSameAs(s.get(Account.class, id));
        }
        try (Session s = sessions.open()) {
            Account a = s.get(Account.class, id);
            assertThat(a.getInvoices()).extracting(Invoice::getNumber).containsExactlyInAnyOrder("A-1", "A-2"); // lazy
        }
        try (Session s = sessions.open()) {
            List<Account> all = s.select(Account.class).options(selectinLoad(Account_.invoices)).list();
            assertThat(all.get(0).getInvoices()).hasSize(2);
        }
    }

    @DatabaseTest
    void aJoinedLoadOrAJoinAcrossEnginesIsRefused(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        accountWithInvoices(sessions, "ada", "A-1");
        try (Session s = sessions.open()) {
            assertThatThrownBy(() -> s.select(Account.class).options(joinedLoad(Account_.invoices)).list())
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("cannot read two databases").hasMessageContaining("selectinLoad");
            assertThatThrownBy(() -> s.select(Invoice.class).join(Account.class).list())
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("joins Invoice").hasMessageContaining("cannot read two databases");
        }
    }

    @DatabaseTest
    void rawSqlGoesToThePrimary(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        accountWithInvoices(sessions, "ada", "A-1");
        try (Session s = sessions.open()) {
            assertThat(s.execute(text("SELECT COUNT(*) FROM accounts"), Map.of()).scalar(Number.class).intValue()).isOne();
        }
    }

    @DatabaseTest
    void aFlushFailingOnTheSecondEngineLeavesNothingWrittenOnEither(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        accountWithInvoices(sessions, "ada", "A-1");
        Engine billing = second(kind, "billing");
        try (Session s = sessions.open()) {
            Account grace = new Account("grace");
            s.add(grace);
            s.add(new Invoice("A-1", 5, grace));                   // the number is taken: fails on billing
            assertThatThrownBy(s::commit).isInstanceOf(UniqueViolationException.class);
            s.rollback();
        }
        assertThat(count(primary, "accounts")).isEqualTo(1);       // grace's INSERT on the primary was rolled back
        assertThat(count(billing, "invoices")).isEqualTo(1);
    }

    @DatabaseTest
    void rollbackReachesEveryEngine(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        Engine billing = second(kind, "billing");
        try (Session s = sessions.open()) {
            Account a = new Account("ada");
            s.add(a);
            s.add(new Invoice("A-9", 1, a));
            s.flush();
            s.rollback();
        }
        assertThat(count(primary, "accounts")).isZero();
        assertThat(count(billing, "invoices")).isZero();
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aCommitFailingAfterAnEarlierEngineCommittedNamesBoth(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        Engine billing = second(kind, "billing");
        try (Connection c = billing.connect()) {
            c.execute(text("ALTER TABLE invoices ADD CONSTRAINT invoices_one_amount UNIQUE (amount) DEFERRABLE INITIALLY DEFERRED"));
            c.commit();
        }
        try (Session s = sessions.open()) {
            Account a = new Account("ada");
            s.add(a);
            s.add(new Invoice("A-1", 7, a));
            s.add(new Invoice("A-2", 7, a));                        // checked only at COMMIT
            assertThatThrownBy(s::commit).isInstanceOfSatisfying(PartialCommitException.class, e -> {
                assertThat(e.committed()).containsExactly(primary.config().name());
                assertThat(e.rolledBack()).containsExactly("billing");
                assertThat(e).hasMessageContaining("not in two phases");
            });
            assertThatThrownBy(() -> s.select(Account.class).list()).hasMessageContaining("rollback()");
            s.rollback();
        }
        assertThat(count(primary, "accounts")).isEqualTo(1);
        assertThat(count(billing, "invoices")).isZero();
    }

    @DatabaseTest
    void savepointsAreRefusedOverSeveralDatabases(Engine primary, DatabaseKind kind) {
        SessionFactory sessions = fresh(primary, kind);
        try (Session s = sessions.open()) {
            assertThatThrownBy(s::beginNested).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("Cannot beginNested() in a session over several databases");
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void enginesOfTwoKindsOfDatabaseAreRefusedAtBuild(Engine h2) {
        try (TestDatabase pg = TestDatabase.create(DatabaseKind.POSTGRESQL, "billing_pg")) {
            Binds binds = Binds.builder(h2).entity(Invoice.class, pg.engine()).build();
            assertThatThrownBy(() -> SessionFactory.builder(binds).entities(Account.class, Invoice.class).build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("reaches a different kind of database").hasMessageContaining("one dialect");
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void anEngineForAnUnregisteredEntityIsRefusedAtBuild(Engine primary, DatabaseKind kind) {
        Binds binds = Binds.builder(primary).entity(Customer.class, second(kind, "billing")).build();
        assertThatThrownBy(() -> SessionFactory.builder(binds).entities(Account.class, Invoice.class).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Customer was given an engine").hasMessageContaining("not a registered entity");
        assertThatThrownBy(() -> Binds.builder(primary).entity(Invoice.class, primary).entity(Invoice.class, primary))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("given an engine twice");
    }
}
