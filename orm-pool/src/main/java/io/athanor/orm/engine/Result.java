package io.athanor.orm.engine;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ResultCountException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole result of a statement, read into memory before the statement closed: the rows of a
 * query, or the number of rows a DML statement changed.
 *
 * <p>Immutable and thread-safe once returned.
 */
public final class Result implements Iterable<Row> {
    private final Columns columns;
    private final List<Row> rows;
    private final long rowCount;

    private Result(Columns columns, List<Row> rows, long rowCount) {
        this.columns = columns;
        this.rows = rows;
        this.rowCount = rowCount;
    }

    /**
     * A query result.
     *
     * @param labels the column labels
     * @param values one array per row, each as long as {@code labels}
     */
    public static Result ofRows(List<String> labels, List<Object[]> values) {
        Columns columns = new Columns(labels);
        List<Row> rows = new ArrayList<>(values.size());
        for (Object[] v : values) {
            if (v.length != labels.size()) {
                throw new IllegalArgumentException("row has " + v.length + " values for " + labels.size() + " columns");
            }
            rows.add(new Row(columns, v));
        }
        return new Result(columns, Collections.unmodifiableList(rows), rows.size());
    }

    /** The result of a statement that returned no rows but changed {@code rowCount} of them. */
    public static Result ofUpdateCount(long rowCount) {
        return new Result(new Columns(List.of()), List.of(), rowCount);
    }

    /** The rows, in the order the database returned them; empty for DML. */
    public List<Row> rows() {
        return rows;
    }

    /** The column labels; empty for DML. */
    public List<String> columns() {
        return columns.labels();
    }

    /** Rows returned by a query, or rows changed by DML. */
    public long rowCount() {
        return rowCount;
    }

    /** The number of rows returned. */
    public int size() {
        return rows.size();
    }

    /** Whether no rows were returned. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The only row.
     *
     * @throws ResultCountException if there were no rows or more than one
     */
    public Row one() {
        if (rows.size() != 1) {
            throw new ResultCountException("Expected exactly one row but the query returned " + rows.size()
                    + (rows.isEmpty() ? "; use oneOrNull() or first() when no row is a valid answer." : "; add a condition "
                    + "that picks one row, or use first() to take the first."), rows.size());
        }
        return rows.get(0);
    }

    /**
     * The only row, or {@code null} when there were none.
     *
     * @throws ResultCountException if there was more than one row
     */
    public Row oneOrNull() {
        return rows.isEmpty() ? null : one();
    }

    /** The first row, or {@code null} when there were none. */
    public Row first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The first column of the only row, e.g. of {@code select count(*) ...}.
     *
     * @throws ResultCountException if there were no rows or more than one
     */
    public Object scalar() {
        return one().get(0);
    }

    /** The first column of the only row, converted as {@link Row#get(String, Class)} does. */
    public <T> T scalar(Class<T> type) {
        return one().get(0, type);
    }

    /** The values of column {@code label} of every row, converted to {@code type}. */
    public <T> List<T> column(String label, Class<T> type) {
        int index = columns.indexOf(label);
        List<T> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(row.get(index, type));
        }
        return out;
    }

    /** The rows as a stream. */
    public Stream<Row> stream() {
        return rows.stream();
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    @Override
    public String toString() {
        return columns.labels().isEmpty() ? "Result[rowCount=" + rowCount + "]" : "Result" + rows;
    }

    /** Column labels with a case-insensitive index, shared by all rows of a result; the index is built on first use. */
    static final class Columns {
        private final List<String> labels;
        private volatile Map<String, Integer> index;

        Columns(List<String> labels) {
            this.labels = List.copyOf(labels);
        }

        List<String> labels() {
            return labels;
        }

        int indexOf(String label) {
            Map<String, Integer> byLabel = index;
            if (byLabel == null) {
                byLabel = new HashMap<>();
                for (int i = labels.size() - 1; i >= 0; i--) {
                    byLabel.put(labels.get(i).toLowerCase(Locale.ROOT), i);
                }
                index = byLabel; // built whole before it is published; two threads may each build one, alike
            }
            Integer i = byLabel.get(label.toLowerCase(Locale.ROOT));
            if (i == null) {
                throw new AthanorException("The result has no column '" + label + "'; its columns are " + labels
                        + ". Check the name, or give the expression a label (AS " + label + ").");
            }
            return i;
        }
    }
}
