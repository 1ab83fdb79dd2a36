package io.athanor.orm.engine;

import io.athanor.orm.error.AthanorException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a {@link Result}: values by position (0-based) or by column label (case-insensitive).
 *
 * <p>Values arrive as the driver gives them, except that SQL date and time types become
 * {@code java.time} values ({@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, and
 * {@code OffsetDateTime} for timestamps with time zone), large objects become {@code String} or
 * {@code byte[]}. {@link #get(String, Class)} converts between numeric types and from text to UUID.
 *
 * <p>Immutable and thread-safe (values themselves are as mutable as the driver made them, e.g. arrays).
 */
public final class Row {
    private final Result.Columns columns;
    private final Object[] values;

    Row(Result.Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The value in column {@code index} (0-based). */
    public Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new AthanorException("Column index " + index + " is out of range: the row has " + values.length
                    + " columns " + columns.labels() + " (indexes 0 to " + (values.length - 1) + ").");
        }
        return values[index];
    }

    /** The value in the column labelled {@code label} (case-insensitive). */
    public Object get(String label) {
        return values[columns.indexOf(label)];
    }

    /** The value in column {@code index}, converted to {@code type}; see {@link #get(String, Class)}. */
    public <T> T get(int index, Class<T> type) {
        return Values.convert(get(index), type, columns.labels().get(index));
    }

    /**
     * The value in the column labelled {@code label}, as {@code type}. Numbers convert between numeric
     * types when the value fits; text converts to {@code UUID}; {@code null} stays {@code null}
     * (for a primitive class too, so prefer boxed types for nullable columns).
     *
     * @throws AthanorException if there is no such column or the value cannot become {@code type}
     */
    public <T> T get(String label, Class<T> type) {
        return Values.convert(get(label), type, label);
    }

    /** The column labels, in order. */
    public List<String> columns() {
        return columns.labels();
    }

    /** The number of columns. */
    public int size() {
        return values.length;
    }

    /** The values in column order (a copy). */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** The row as an ordered map from column label to value (a copy). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(columns.labels().get(i), values[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
