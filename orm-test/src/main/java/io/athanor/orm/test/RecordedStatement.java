package io.athanor.orm.test;

import java.util.List;

/**
 * One statement an engine ran, as a {@link SqlRecorder} saw it.
 *
 * @param sql           the SQL as sent
 * @param parameterSets the parameters, one list per execution (one for a plain statement)
 * @param batch         whether it ran as a JDBC batch
 * @param rowCount      rows returned or changed; {@code -1} if it failed
 * @param failed        whether it failed
 */
public record RecordedStatement(String sql, List<List<Object>> parameterSets, boolean batch, long rowCount, boolean failed) {

    /** The parameters of a plain statement, or of a batch's first row. */
    public List<Object> parameters() {
        return parameterSets.isEmpty() ? List.of() : parameterSets.get(0);
    }

    /** How many executions the statement stands for: 1, or the rows of a batch. */
    public int batchSize() {
        return parameterSets.size();
    }
}
