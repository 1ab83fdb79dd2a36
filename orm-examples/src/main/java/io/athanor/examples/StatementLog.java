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
    private final Registration registration;

    private StatementLog(Engine engine) {
        this.registration = engine.events().afterExecute(this::record);
    }

    /** Starts recording the statements {@code engine} runs, on any thread. */
    public static StatementLog attach(Engine engine) {
        return new StatementLog(engine);
    }

    private synchronized void record(AfterExecuteEvent event) {
        events.add(event);
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
            String batch = e.batch() ? " [batch of " + e.statement().batchSize() + "]" : "";
            console.statement(++n, e.sql(), batch);
        }
    }

    @Override
    public void close() {
        registration.remove();
    }
}
