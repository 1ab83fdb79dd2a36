package io.athanor.orm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.spring.sample.AccountRepository;
import io.athanor.orm.spring.sample.SampleApplication;
import io.athanor.orm.spring.sample.TransferService;
import io.athanor.orm.spring.sample.model.Account;
import io.athanor.orm.test.TestDatabase;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sessions in Spring-managed transactions, on PostgreSQL, through the sample application's beans. */
// tag::spring-boot-test[]
@SpringBootTest(classes = {SampleApplication.class, Steps.class})
class TransactionalSessionTest {
    private static final TestDatabase DB = PostgresSchema.create(TransactionalSessionTest.class);

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        PostgresSchema.register(DB, registry);     // spring.datasource.url, username, password
    }
    // end::spring-boot-test[]

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Autowired Session session;
    @Autowired TransactionalSessions sessions;
    @Autowired SessionFactory factory;
    @Autowired JdbcTemplate jdbc;
    @Autowired Steps steps;
    @Autowired TransferService transfers;
    @Autowired AccountRepository accounts;

    @BeforeEach
    void schema() {
        jdbc.execute("drop table if exists accounts, transfers, audit");
        factory.schema().create(Account.class);
        jdbc.execute("create table transfers (id serial primary key, amount bigint not null)");
        jdbc.execute("create table audit (id serial primary key, line varchar(100) not null)");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long balance(String name) {
        return jdbc.queryForObject("select balance from accounts where name = ?", Long.class, name);
    }

    private long[] twoAccounts() {
        Account a = accounts.open("ada", 100);
        Account b = accounts.open("bob", 0);
        return new long[] {a.getId(), b.getId()};
    }

    @Test
    void aTransactionalMethodCommitsItsChangesWithTheJdbcTemplatesWork() {
        long[] ids = twoAccounts();

        transfers.transfer(ids[0], ids[1], 30);

        assertThat(balance("ada")).isEqualTo(70);
        assertThat(balance("bob")).isEqualTo(30);
        assertThat(count("transfers")).isEqualTo(1);
        assertThat(count("audit")).isEqualTo(1);
    }

    @Test
    void aRuntimeExceptionRollsBackTheSessionsAndTheJdbcTemplatesWorkButNotARequiresNewTransaction() {
        long[] ids = twoAccounts();

        assertThatThrownBy(() -> transfers.transfer(ids[0], ids[1], 130)).hasMessage("insufficient funds");

        assertThat(balance("ada")).isEqualTo(100);
        assertThat(balance("bob")).isZero();
        assertThat(count("transfers")).isZero();
        assertThat(count("audit")).as("written by REQUIRES_NEW, committed on its own").isEqualTo(1);
    }

    @Test
    void nothingIsWrittenWhenTheMethodThrows() {
        AtomicReference<Account> added = new AtomicReference<>();
        assertThatThrownBy(() -> steps.required(() -> {
            Account a = new Account("carol", 5);
            session.add(a);
            session.flush();
            added.set(a);
            assertThat(a.getId()).isNotNull();
            throw new IllegalArgumentException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(count("accounts")).isZero();
        assertThat(added.get().getId()).as("the rolled-back insert's generated key is cleared").isNull();
    }

    @Test
    void theSessionIsFlushedBeforeCommitAndClosedAfter() {
        AtomicReference<Session> inside = new AtomicReference<>();
        steps.required(() -> {
            session.add(new Account("dave", 1));
            inside.set(sessions.current());
            assertThat(jdbc.queryForObject("select count(*) from accounts", Long.class))
                    .as("not flushed yet: no autoflush").isZero();
        });

        assertThat(count("accounts")).isEqualTo(1);
        assertThat(inside.get().isOpen()).isFalse();
    }

    @Test
    void jdbcTemplateAndTheSessionSeeEachOthersWorkInOneTransaction() {
        steps.required(() -> {
            jdbc.update("insert into accounts(name, balance) values ('eve', 7)");
            Account eve = session.select(Account.class).where(io.athanor.orm.spring.sample.model.Account_.name.eq("eve")).one();
            eve.setBalance(8);
            session.flush();
            assertThat(jdbc.queryForObject("select balance from accounts where name = 'eve'", Long.class)).isEqualTo(8);
        });
        assertThat(balance("eve")).isEqualTo(8);
    }

    @Test
    void theSessionRunsOnTheTransactionsOwnConnection() {
        steps.required(() -> {
            Object sessionBackend = session.execute(io.athanor.orm.engine.Text.text("select pg_backend_pid()"),
                    java.util.Map.of()).scalar();
            Integer jdbcBackend = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
            assertThat(((Number) sessionBackend).intValue()).isEqualTo(jdbcBackend);
            return null;
        });
    }

    @Test
    void aFlushThatFailsAtCommitRollsBackTheWholeTransaction() {
        accounts.open("ada", 1);

        assertThatThrownBy(() -> steps.required(() -> {
            jdbc.update("insert into transfers(amount) values (5)");
            session.add(new Account("ada", 2));    // a duplicate, found only by the flush before commit
        })).isInstanceOf(io.athanor.orm.error.UniqueViolationException.class);

        assertThat(count("transfers")).as("the JdbcTemplate's insert went with the rollback").isZero();
        assertThat(count("accounts")).isEqualTo(1);
    }

    @Test
    void requiredJoinsTheCallersTransactionAndSession() {
        steps.required(() -> {
            Session outer = sessions.current();
            session.add(new Account("fay", 1));
            steps.required(() -> assertThat(sessions.current()).isSameAs(outer));
            return null;
        });
        assertThat(count("accounts")).isEqualTo(1);
    }

    @Test
    void requiresNewRunsInASessionOfItsOwnAndCommitsWhenTheOuterRollsBack() {
        assertThatThrownBy(() -> steps.required(() -> {
            Session outer = sessions.current();
            session.add(new Account("outer", 1));
            steps.requiresNew(() -> {
                assertThat(sessions.current()).isNotSameAs(outer);
                session.add(new Account("inner", 2));
            });
            assertThat(sessions.current()).as("the outer session is back").isSameAs(outer);
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");

        assertThat(jdbc.queryForList("select name from accounts", String.class)).containsExactly("inner");
    }

    @Test
    void nestedRollsTheRowsAndTheSessionsInstancesBackToItsSavepoint() {
        AtomicReference<Account> kept = new AtomicReference<>();
        AtomicReference<Account> discarded = new AtomicReference<>();
        steps.required(() -> {
            // tag::nested[]
            Account ada = new Account("ada", 100);
            session.add(ada);
            kept.set(ada);                         // pending when the nested transaction begins
            try {
                steps.nested(() -> {
                    ada.setBalance(50);
                    Account ghost = new Account("ghost", 1);
                    session.add(ghost);
                    session.flush();
                    discarded.set(ghost);
                    assertThat(count("accounts")).isEqualTo(2);
                    throw new IllegalStateException("nested fails");
                });
            } catch (IllegalStateException expected) {
                // the outer transaction goes on
            }
            // end::nested[]
            assertThat(discarded.get().getId()).as("inserted inside the savepoint: transient again").isNull();
            assertThat(session.select(Account.class).list()).extracting(Account::getName).isEmpty();
            session.add(ada);                      // added again after the rollback discarded it, with the database
            ada.setBalance(100);
            session.add(new Account("bob", 2));
        });

        assertThat(jdbc.queryForList("select name from accounts order by name", String.class)).containsExactly("ada", "bob");
        assertThat(balance("ada")).isEqualTo(100);
        assertThat(kept.get().getId()).isNotNull();
    }

    @Test
    void nestedThatSucceedsKeepsItsWork() {
        steps.required(() -> {
            session.add(new Account("ada", 1));
            steps.nested(() -> session.add(new Account("bob", 2)));
            session.add(new Account("cy", 3));
        });
        assertThat(count("accounts")).isEqualTo(3);
    }

    @Test
    void aReadOnlyTransactionGivesAReadOnlySessionThatRefusesWrites() {
        accounts.open("ada", 1);

        assertThat(accounts.named("ada")).hasSize(1);
        assertThatThrownBy(() -> steps.readOnly(() -> {
            session.add(new Account("bob", 2));
            return null;
        })).hasMessageContaining("read-only");
        assertThatThrownBy(() -> steps.readOnly(() -> {
            session.select(Account.class).one().setBalance(99);
            return null;
        })).hasMessageContaining("read-only").hasMessageContaining("changed in memory");

        assertThat(balance("ada")).isEqualTo(1);
        assertThat(count("accounts")).isEqualTo(1);
    }

    @Test
    void aDuplicateKeyLeavesARepositoryAsDuplicateKeyException() {
        accounts.open("ada", 1);

        assertThatThrownBy(() -> accounts.open("ada", 2))
                .isInstanceOf(DuplicateKeyException.class)
                .hasCauseInstanceOf(io.athanor.orm.error.UniqueViolationException.class);
        assertThat(count("accounts")).isEqualTo(1);
    }

    @Test
    void theSessionRefusesToEndSpringsTransactionItself() {
        steps.required(() -> {
            assertThatThrownBy(() -> session.commit()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("@Transactional");
            assertThatThrownBy(() -> session.rollback()).isInstanceOf(IllegalStateException.class);
            session.close();                       // does nothing: the transaction closes it
            assertThat(session.isOpen()).isTrue();
            return null;
        });
    }

    @Test
    void outsideATransactionTheSessionSaysToAnnotateTheCaller() {
        assertThatThrownBy(() -> session.select(Account.class).list())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Spring transaction is active")
                .hasMessageContaining("@Transactional");
        assertThat(session.isOpen()).isFalse();
    }
}
