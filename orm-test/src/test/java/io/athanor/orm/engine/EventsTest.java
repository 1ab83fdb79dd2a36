package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

class EventsTest {

    @DatabaseTest
    void beforeAndAfterFireInOrderWithSqlParametersRowCountsAndErrors(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        engine.runInTransaction(c -> c.execute(text("create table ev (id int primary key, name varchar(20))")));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<AfterExecuteEvent> after = Collections.synchronizedList(new ArrayList<>());
        engine.events().beforeExecute(e -> seen.add("before " + e.sql() + " " + e.parameters() + " batch=" + e.batch()));
        engine.events().afterExecute(e -> {
            seen.add("after " + e.sql() + " rows=" + e.rowCount() + " failed=" + e.failed());
            after.add(e);
        });

        RuntimeException thrown;
        try (Connection c = engine.connect()) {
            c.executeUpdate(text("insert into ev (id, name) values (:id, :name)"), Params.of("id", 1, "name", "a"));
            c.executeBatch(text("insert into ev (id, name) values (:id, :name)"),
                    List.of(Params.of("id", 2, "name", "b"), Params.of("id", 3, "name", "c")));
            c.execute(text("select id from ev where id > :min"), Params.of("min", 0));
            thrown = org.junit.jupiter.api.Assertions.assertThrows(UniqueViolationException.class,
                    () -> c.executeUpdate(text("insert into ev (id, name) values (:id, :name)"), Params.of("id", 1, "name", "dup")));
            c.rollback();
        }

        String insert = "insert into ev (id, name) values (?, ?)";
        assertThat(seen).containsExactly(
                "before " + insert + " [1, a] batch=false",
                "after " + insert + " rows=1 failed=false",
                "before " + insert + " [2, b] batch=true",
                "after " + insert + " rows=2 failed=false",
                "before select id from ev where id > ? [0] batch=false",
                "after select id from ev where id > ? rows=3 failed=false",
                "before " + insert + " [1, dup] batch=false",
                "after " + insert + " rows=-1 failed=true");
        assertThat(after.get(1).statement().batchSize()).isEqualTo(2);
        assertThat(after.get(1).statement().parameterSets()).containsExactly(List.of(2, "b"), List.of(3, "c"));
        assertThat(after.get(3).error()).isSameAs(thrown);
        assertThat(after).allSatisfy(e -> assertThat(e.elapsed().isNegative()).isFalse());
    }

    @DatabaseTest
    void aListenerThatThrowsIsLoggedAndDoesNotBreakTheStatement(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        List<String> later = new ArrayList<>();
        engine.events().beforeExecute(e -> {
            throw new IllegalStateException("listener bug");
        });
        engine.events().beforeExecute(e -> later.add(e.sql()));
        try (LogCapture log = new LogCapture("io.athanor.orm.engine.events"); Connection c = engine.connect()) {
            assertThat(c.execute(text("select 42")).scalar(Integer.class)).isEqualTo(42);
            assertThat(later).containsExactly("select 42");
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("threw; the statement goes on");
            assertThat(log.events().get(0).getThrowableProxy().getMessage()).isEqualTo("listener bug");
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void closeListenersRunOnceWhenTheEngineCloses(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        List<String> seen = new ArrayList<>();
        engine.events().onClose(() -> seen.add("first"));
        Registration removed = engine.events().onClose(() -> seen.add("removed"));
        engine.events().onClose(() -> {
            throw new IllegalStateException("listener bug");
        });
        engine.events().onClose(() -> seen.add("last"));
        removed.remove();
        assertThat(seen).isEmpty();
        try (LogCapture log = new LogCapture("io.athanor.orm.engine.events")) {
            engine.close();
            engine.close();
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("the engine is closed regardless");
        }
        assertThat(seen).containsExactly("first", "last");
        engine.events().onClose(() -> seen.add("registered after close"));
        assertThat(seen).containsExactly("first", "last", "registered after close");
    }

    @DatabaseTest
    void removedListenersAreNotCalled(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        List<String> seen = new ArrayList<>();
        Registration r = engine.events().afterExecute(e -> seen.add(e.sql()));
        try (Connection c = engine.connect()) {
            c.execute(text("select 1"));
            r.remove();
            r.remove();
            c.execute(text("select 2"));
        }
        assertThat(seen).containsExactly("select 1");
    }

    @DatabaseTest
    void checkoutAndCheckinEventsCarryThePoolFigures(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        List<CheckoutEvent> out = new ArrayList<>();
        List<CheckinEvent> in = new ArrayList<>();
        engine.events().onCheckout(out::add);
        engine.events().onCheckin(in::add);
        try (Connection c = engine.connect()) {
            c.execute(text("select 1"));
        }
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.pool().active()).isEqualTo(1);
            assertThat(e.pool().max()).isEqualTo(1);
            assertThat(e.waited().isNegative()).isFalse();
        });
        assertThat(in).singleElement().satisfies(e -> assertThat(e.held().isNegative()).isFalse());
    }

    @DatabaseTest
    void echoLogsEveryStatementWithItsParameters(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true));
        try (LogCapture log = new LogCapture("io.athanor.orm.sql"); Connection c = engine.connect()) {
            c.execute(text("select :answer as answer, :who as who"), Params.of("answer", 42, "who", "ada"));
            assertThat(log.messages(Level.INFO)).containsExactly("select ? as answer, ? as who [42, 'ada']");
        }
    }

    @DatabaseTest
    void hiddenParametersStayOutOfLogsAndExceptions(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).echo(true).hideParameters(true));
        try (LogCapture log = new LogCapture("io.athanor.orm.sql"); Connection c = engine.connect()) {
            c.execute(text("select :secret as s"), Params.of("secret", "hunter2"));
            assertThat(log.messages(Level.INFO)).containsExactly("select ? as s [1 parameter hidden]");
            DatabaseException e = org.junit.jupiter.api.Assertions.assertThrows(DatabaseException.class,
                    () -> c.execute(text("select * from no_such_table where x = :secret"), Params.of("secret", "hunter2")));
            assertThat(e.getMessage()).doesNotContain("hunter2").contains("[1 parameter hidden]");
            assertThat(e.parameters()).isEmpty();
        }
    }

    @DatabaseTest
    @SuppressWarnings("try")
    void slowQueryLogReportsStatementsOverTheThreshold(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (LogCapture log = new LogCapture("io.athanor.orm.sql.slow")) {
            try (Registration never = engine.events().slowQueryLog(Duration.ofHours(1)); Connection c = engine.connect()) {
                c.execute(text("select 1"));
            }
            assertThat(log.messages(Level.WARN)).isEmpty();
            try (Registration every = engine.events().slowQueryLog(Duration.ZERO); Connection c = engine.connect()) {
                c.execute(text("select :n as n"), Params.of("n", 7));
            }
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .startsWith("Slow statement (").contains("threshold 0 ms").endsWith("select ? as n [7]");
        }
        assertThatThrownBy(() -> engine.events().slowQueryLog(Duration.ofMillis(-1)))
                .hasMessageContaining("threshold of zero or more");
    }

    @DatabaseTest
    void statementsRunWithNoListenersAtAll(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (Connection c = engine.connect()) {
            assertThat(c.executeUpdate(text("create table quiet (id int)"), Map.of())).isZero();
            assertThat(c.execute(text("select count(*) from quiet")).scalar(Long.class)).isZero();
        }
    }
}
