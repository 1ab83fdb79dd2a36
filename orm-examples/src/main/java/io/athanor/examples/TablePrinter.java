package io.athanor.examples;

import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import java.io.PrintStream;
import java.util.List;

/** Prints a result as an aligned text table. */
final class TablePrinter {
    private TablePrinter() {
    }

    static void print(PrintStream out, List<Row> rows) {
        if (rows.isEmpty()) {
            out.println("(0 rows)");
            return;
        }
        List<Object[]> values = new java.util.ArrayList<>();
        for (Row r : rows) {
            values.add(r.values().toArray());
        }
        print(out, Result.ofRows(rows.get(0).columns(), values));
    }

    static void print(PrintStream out, Result result) {
        List<String> columns = result.columns();
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (Row row : result) {
                widths[i] = Math.max(widths[i], String.valueOf(row.get(i)).length());
            }
        }
        StringBuilder line = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(String.format("  %-" + widths[i] + "s", columns.get(i).toLowerCase(java.util.Locale.ROOT)));
            rule.append("  ").append("-".repeat(widths[i]));
        }
        out.println(line);
        out.println(rule);
        for (Row row : result) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                Object v = row.get(i);
                String fmt = v instanceof Number ? "  %" + widths[i] + "s" : "  %-" + widths[i] + "s";
                line.append(String.format(fmt, v));
            }
            out.println(line);
        }
        out.printf("(%d row%s)%n", result.size(), result.size() == 1 ? "" : "s");
    }
}
