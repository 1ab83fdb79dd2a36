package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * With {@code hideParameters(true)} no value of a failed statement appears in the exception, its causes,
 * its stack trace, the engine's logs or its events' {@code toString()}: not from Athanor's own rendering,
 * and not from the driver's messages either.
 */
class HiddenParametersTest {
    private static final String SSN = "SSN-123-45-6789";
    private static final String CARD = "card 4111111111111111";
    private static final String OTHER_SSN = "SSN-987-65-4321";
    private static final BigDecimal TOO_BIG = new BigDecimal("123456.78");
    /** Longer than its column: databases quote such a value cut short. */
    private static final String LONG_SECRET = "LONG-SECRET-" + "x".repeat(300);
    private static final List<String> SECRETS = List.of(SSN, "4111111111111111", OTHER_SSN, "123456.78", "LONG-SECRET");

    private static Engine hidingEngine(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.hideParameters(true).echo(true));
        engine.events().slowQueryLog(Duration.ZERO);
        engine.runInTransaction(c -> {
            c.execute(text("drop table if exists hidden_notes"));
            c.execute(text("create table hidden_notes (id int primary key, ssn varchar(40) unique, card varchar(40), "
                    + "amount numeric(5, 2))"));
        });
        return engine;
    }

    /** Everything the failure shows a person: message, toString, every cause and chained exception, the stack trace. */
    private static String everythingShown(Throwable e) {
        StringBuilder b = new StringBuilder();
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || seen.contains(t)) {
                continue;
            }
            seen.add(t);
            b.append(t.getMessage()).append('\n').append(t.getLocalizedMessage()).append('\n').append(t).append('\n');
            todo.add(t.getCause());
            if (t instanceof SQLException) {
                todo.add(((SQLException) t).getNextException());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return b.append(trace).toString();
    }

    private static void assertShowsNoSecret(String what) {
        for (String secret : SECRETS) {
            assertThat(what).doesNotContain(secret);
        }
    }

    private static DatabaseException failure(Engine engine, java.util.function.Consumer<Connection> work) {
        try (Connection c = engine.connect()) {
            work.accept(c);
        } catch (DatabaseException e) {
            return e;
        }
        throw new AssertionError("The statement succeeded");
    }

    @DatabaseTest
    void aFailedBatchShowsNoValue(TestDatabase db) {
        Engine engine = hidingEngine(db);
        List<String> shown = new ArrayList<>();
        engine.events().afterExecute(e -> shown.add(e.toString()));
        try (LogCapture logs = new LogCapture("io.athanor"); LogCapture pool = new LogCapture("com.zaxxer.hikari")) {
            DatabaseException e = failure(engine, c -> c.executeBatch(
                    text("insert into hidden_notes (id, ssn, card, amount) values (:id, :ssn, :card, :amount)"),
                    List.of(Map.of("id", 1, "ssn", OTHER_SSN, "card", CARD, "amount", BigDecimal.ONE),
                            Map.of("id", 2, "ssn", SSN, "card", CARD, "amount", TOO_BIG))));
            assertThat(e.sqlState()).startsWith("22");
            assertThat(e.getMessage()).contains("SQL: insert into hidden_notes").contains("[4 parameters hidden]");
            assertThat(e.parameters()).isEmpty();
            assertShowsNoSecret(everythingShown(e));
            assertShowsNoSecret(String.join("\n", shown));
            assertThat(logs.events()).isNotEmpty();
            assertShowsNoSecret(logs.events().toString());
            assertShowsNoSecret(pool.events().toString());
        }
    }

    @DatabaseTest
    void aFailedStatementShowsNoValueEvenWhereTheDatabaseQuotesIt(TestDatabase db) {
        Engine engine = hidingEngine(db);
        List<String> shown = new ArrayList<>();
        engine.events().afterExecute(e -> shown.add(e.toString()));
        engine.events().beforeExecute(e -> shown.add(e.toString()));
        Text insert = text("insert into hidden_notes (id, ssn, card) values (:id, :ssn, :card)");
        engine.runInTransaction(c -> c.execute(insert, Map.of("id", 1, "ssn", SSN, "card", CARD)));
        try (LogCapture logs = new LogCapture("io.athanor")) {
            // The database names the duplicate key's value (PostgreSQL in its detail, MariaDB and H2 in the message).
            DatabaseException duplicate = failure(engine, c -> c.execute(insert, Map.of("id", 2, "ssn", SSN, "card", CARD)));
            assertThat(duplicate).isInstanceOf(UniqueViolationException.class);
            assertShowsNoSecret(everythingShown(duplicate));
            // MariaDB and H2 quote a value they cannot convert.
            DatabaseException conversion = failure(engine, c -> c.execute(insert, Map.of("id", SSN, "ssn", OTHER_SSN, "card", CARD)));
            assertShowsNoSecret(everythingShown(conversion));
            DatabaseException tooLong = failure(engine, c -> c.execute(insert, Map.of("id", 3, "ssn", LONG_SECRET, "card", CARD)));
            assertShowsNoSecret(everythingShown(tooLong));
            if (db.kind() != DatabaseKind.MARIADB) {
                // PostgreSQL and H2 quote it in a cast, H2 in its cause too.
                DatabaseException cast = failure(engine, c -> c.execute(text("select cast(:v as integer)"), Map.of("v", SSN)));
                assertShowsNoSecret(everythingShown(cast));
                assertThat(cast.getMessage()).contains("***");
            }
            assertShowsNoSecret(String.join("\n", shown));
            assertShowsNoSecret(logs.events().toString());
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void postgresEnginesAskTheDriverToLeaveDetailsOutOfItsMessages(TestDatabase db) {
        assertThat(db.newEngine(b -> b.hideParameters(true)).config().connectionProperties())
                .containsEntry("logServerErrorDetail", "false");
        assertThat(db.newEngine(b -> b.hideParameters(false)).config().connectionProperties())
                .doesNotContainKey("logServerErrorDetail");
    }
}
