package io.athanor.orm.engine;

import java.util.List;

/**
 * A statement about to be sent: its SQL (with {@code ?} placeholders) and its parameters. A batch has
 * one parameter list per row; a single statement has exactly one.
 *
 * <p>Listeners receive the real parameter values, even when the engine hides parameters from logs
 * and exceptions; what a listener does with them is its own responsibility. {@link #toString()} never
 * shows them, so that logging an event leaks nothing.
 *
 * @param sql           the SQL as sent to the driver
 * @param parameterSets the parameters, one list per execution (one for a plain statement)
 * @param batch         whether the statement runs as a JDBC batch
 */
public record BeforeExecuteEvent(String sql, List<List<Object>> parameterSets, boolean batch) {

    /** The parameters of a plain statement, or of a batch's first row. */
    public List<Object> parameters() {
        return parameterSets.isEmpty() ? List.of() : parameterSets.get(0);
    }

    /** How many executions the statement stands for: 1, or the rows of a batch. */
    public int batchSize() {
        return parameterSets.size();
    }

    /** The SQL and how many parameters and rows the statement has; never the values. */
    @Override
    public String toString() {
        return "BeforeExecuteEvent[sql=" + sql + ", " + parameters().size() + " parameter" + (parameters().size() == 1 ? "" : "s")
                + (batch ? ", batch of " + batchSize() : "") + "]";
    }
}
