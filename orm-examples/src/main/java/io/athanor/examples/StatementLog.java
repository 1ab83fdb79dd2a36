package io.athanor.examples;

import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements an engine runs while this log is open, recorded through the engine's
 * after-execute event: how the example shows how many round trips each piece of work costs.
 * Close it to stop recording.
 */
public final class StatementLog implements AutoCloseable {
    private final List<AfterExecuteEvent> events = new ArrayList<>();
    private final Console console;
    private final Registration registration;

    private StatementLog(Engine engine, Console console) {
        this.console = console;
        this.registration = engine.events().afterExecute(this::record);
    }

    /** Starts recording the statements {@code engine} runs, on any thread. */
    public static StatementLog attach(Engine engine) {
        return new StatementLog(engine, null);
    }

    /**
     * Starts recording the statements {@code engine} runs and prints each as it completes, numbered,
     * so that what is logged while they run (such as the N+1 warning) appears among them, where it
     * happened, rather than above them.
     */
    public static StatementLog printing(Engine engine, Console console) {
        return new StatementLog(engine, java.util.Objects.requireNonNull(console, "console"));
    }

    private synchronized void record(AfterExecuteEvent event) {
        events.add(event);
        if (console != null) {
            print(console, events.size(), event);
        }
    }

    /** How many statements were sent (a JDBC batch counts once: it is one round trip). */
    public synchronized int count() {
        return events.size();
    }

    /** The statements' SQL, in the order they ran. */
    public synchronized List<String> sql() {
        return events.stream().map(AfterExecuteEvent::sql).toList();
    }

    /** The statements in the order they ran, with their batch sizes and row counts. */
    public synchronized List<AfterExecuteEvent> events() {
        return List.copyOf(events);
    }

    /** Prints each statement, numbered, with its batch size where it was a batch. */
    public void print(Console console) {
        int n = 0;
        for (AfterExecuteEvent e : events()) {
            print(console, ++n, e);
        }
    }

    private static void print(Console console, int number, AfterExecuteEvent e) {
        String batch = e.batch() ? " [batch of " + e.statement().batchSize() + "]" : "";
        console.statement(number, e.sql(), batch);
    }

    @Override
    public void close() {
        registration.remove();
    }
}
