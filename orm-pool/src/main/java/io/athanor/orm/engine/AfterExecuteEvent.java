package io.athanor.orm.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A statement that has finished, successfully or not: the statement, how long the driver took, and
 * either the row count or the error.
 *
 * @param statement the statement, as the before-execute listeners saw it
 * @param elapsed   time from just before sending to the result being read
 * @param rowCount  rows returned by a query or affected by DML (summed over a batch); {@code -1} on error
 * @param error     the exception the caller will receive, or {@code null} on success
 */
public record AfterExecuteEvent(BeforeExecuteEvent statement, Duration elapsed, long rowCount, RuntimeException error) {

    /** The SQL as sent. */
    public String sql() {
        return statement.sql();
    }

    /** The parameters of a plain statement, or of a batch's first row. */
    public List<Object> parameters() {
        return statement.parameters();
    }

    /** Whether the statement ran as a batch. */
    public boolean batch() {
        return statement.batch();
    }

    /** Whether the statement failed. */
    public boolean failed() {
        return error != null;
    }

    /** The failure, if there was one. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(error);
    }
}
