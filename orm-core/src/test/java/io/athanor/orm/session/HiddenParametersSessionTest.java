package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.hidden.PrivateNote;
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
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A session over an engine that hides parameters shows no value of a row it failed to write: not through
 * COPY, not through a bulk batch, not through a flush; not in the exception, its causes, its stack trace,
 * the echo and slow-query logs, or the events.
 */
class HiddenParametersSessionTest {
    private static final String SSN = "SSN-123-45-6789";
    private static final String CARD = "card 4111111111111111";
    private static final String OTHER_SSN = "SSN-987-65-4321";
    private static final BigDecimal TOO_BIG = new BigDecimal("123456.78");
    private static final List<String> SECRETS = List.of(SSN, "4111111111111111", OTHER_SSN, "123456.78");

    private static List<Map<String, Object>> rows() {
        return List.of(Map.of("id", 1L, "ssn", OTHER_SSN, "card", CARD, "amount", BigDecimal.ONE),
                Map.of("id", 2L, "ssn", SSN, "card", CARD, "amount", TOO_BIG));
    }

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(PrivateNote.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Runs {@code work}, which must fail, and checks that nothing it shows or logs holds a value. */
    private static void assertFailsShowingNoValue(Engine engine, Consumer<Session> work, SessionFactory f) {
        List<String> events = new ArrayList<>();
        engine.events().beforeExecute(e -> events.add(e.toString()));
        engine.events().afterExecute(e -> events.add(e.toString()));
        Logger logger = (Logger) LoggerFactory.getLogger("io.athanor");
        Level previous = logger.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        logger.setLevel(Level.DEBUG);
        DatabaseException failure = null;
        try (Session s = f.open()) {
            work.accept(s);
        } catch (DatabaseException e) {
            failure = e;
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(previous);
        }
        assertThat(failure).as("the write failed").isNotNull();
        assertThat(failure.sqlState()).as("a data exception (numeric overflow)").startsWith("22");
        assertThat(failure.parameters()).isEmpty();
        StringBuilder shown = new StringBuilder(everythingShown(failure));
        for (ILoggingEvent event : logs.list) {
            shown.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                shown.append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        shown.append(String.join("\n", events));
        assertThat(logs.list).as("echo logged the statements").isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(shown.toString()).doesNotContain(secret);
        }
    }

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
            b.append(t.getMessage()).append('\n').append(t).append('\n');
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

    private static Engine hidingEngine(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.hideParameters(true).echo(true));
        engine.events().slowQueryLog(Duration.ZERO);
        return engine;
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aFailedCopyShowsNoValue(TestDatabase db) {
        Engine engine = hidingEngine(db);
        SessionFactory f = factory(engine);
        assertFailsShowingNoValue(engine, s -> s.bulkInsertMappings(PrivateNote.class, rows(), BulkMode.COPY), f);
    }

    @DatabaseTest
    void aFailedBulkBatchShowsNoValue(TestDatabase db) {
        Engine engine = hidingEngine(db);
        SessionFactory f = factory(engine);
        assertFailsShowingNoValue(engine, s -> s.bulkInsertMappings(PrivateNote.class, rows(), BulkMode.BATCH), f);
    }

    @DatabaseTest
    void aFailedFlushShowsNoValue(TestDatabase db) {
        Engine engine = hidingEngine(db);
        SessionFactory f = factory(engine);
        assertFailsShowingNoValue(engine, s -> {
            s.add(new PrivateNote(1L, OTHER_SSN, CARD, BigDecimal.ONE));
            s.add(new PrivateNote(2L, SSN, CARD, TOO_BIG));
            s.flush();
        }, f);
    }
}
