package io.athanor.orm.engine;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Listeners on what an engine does: statements before and after they run, and connections checked
 * out of and into the pool, and the engine closing. SQLAlchemy users know these as {@code before_cursor_execute} and
 * {@code after_cursor_execute}.
 *
 * <p>Listeners run on the thread that runs the statement, in registration order, except after-execute listeners,
 * which run in the reverse order: a before/after pair registered together nests like a scope around the pairs
 * registered after it (a tracing scope opened before a statement is closed after the inner ones). A listener that
 * throws does not break the statement: its exception is logged at WARN on the logger
 * {@code io.athanor.orm.engine.events} and the other listeners and the statement go on. With no
 * listener registered, statements pay nothing for events (no timing, no allocation).
 *
 * <p>Thread-safe: listeners may be added and removed while statements run.
 */
public interface EngineEvents {

    /** Calls {@code listener} before each statement is sent. */
    Registration beforeExecute(Consumer<BeforeExecuteEvent> listener);

    /** Calls {@code listener} after each statement finishes, successfully or not. */
    Registration afterExecute(Consumer<AfterExecuteEvent> listener);

    /** Calls {@code listener} each time a connection is handed out. */
    Registration onCheckout(Consumer<CheckoutEvent> listener);

    /** Calls {@code listener} each time a connection is returned. */
    Registration onCheckin(Consumer<CheckinEvent> listener);

    /**
     * Calls {@code listener} once when the engine closes, after its pool has closed, on the thread that
     * calls {@link Engine#close()}; at once, on the calling thread, if the engine is already closed. For
     * what must end with the engine, such as threads that run work on its connections.
     */
    Registration onClose(Runnable listener);

    /**
     * Logs, at WARN on the logger {@code io.athanor.orm.sql.slow}, every statement that takes longer
     * than {@code threshold}: its time, its SQL, and its parameters unless the engine hides them.
     *
     * @throws io.athanor.orm.error.ConfigurationException if the threshold is negative
     */
    Registration slowQueryLog(Duration threshold);
}
