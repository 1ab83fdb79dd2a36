package io.athanor.orm.test;

import io.athanor.orm.engine.AfterExecuteEvent;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every statement an engine runs, for asserting how many statements ran, in what order, with
 * which parameters and batch sizes:
 *
 * <pre>{@code
 * try (SqlRecorder sql = SqlRecorder.attach(engine)) {
 *     ... code under test ...
 *     assertThat(sql.count()).isEqualTo(2);
 *     assertThat(sql.sql()).containsExactly("select ...", "select ...");
 * }
 * }</pre>
 *
 * Statements are recorded when they finish, so failed ones are there too. Thread-safe: statements
 * from several threads are recorded in the order they finished.
 */
public final class SqlRecorder implements AutoCloseable {
    private final List<RecordedStatement> statements = new ArrayList<>();
    private final Registration registration;

    private SqlRecorder(Engine engine) {
        this.registration = engine.events().afterExecute(this::record);
    }

    /** Starts recording the statements of {@code engine}; {@link #close()} stops. */
    public static SqlRecorder attach(Engine engine) {
        return new SqlRecorder(engine);
    }

    private synchronized void record(AfterExecuteEvent e) {
        statements.add(new RecordedStatement(e.sql(), e.statement().parameterSets(), e.batch(), e.rowCount(), e.failed()));
    }

    /** The statements recorded so far, oldest first. */
    public synchronized List<RecordedStatement> statements() {
        return List.copyOf(statements);
    }

    /** The SQL of the statements recorded so far, oldest first. */
    public synchronized List<String> sql() {
        List<String> out = new ArrayList<>(statements.size());
        for (RecordedStatement s : statements) {
            out.add(s.sql());
        }
        return out;
    }

    /** How many statements were recorded (a batch counts once). */
    public synchronized int count() {
        return statements.size();
    }

    /** Forgets what was recorded so far. */
    public synchronized void clear() {
        statements.clear();
    }

    /** Stops recording. */
    @Override
    public void close() {
        registration.remove();
    }
}
