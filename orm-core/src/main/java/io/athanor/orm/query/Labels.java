package io.athanor.orm.query;

import java.util.ArrayList;
import java.util.List;

/** The label each returned column reads back under: its {@code as(...)} label, or its field or column name. */
final class Labels {
    private Labels() {
    }

    static List<String> of(List<Expression<?>> columns) {
        List<String> labels = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Expression<?> c = columns.get(i);
            if (c instanceof EntityColumn) {
                labels.add(((EntityColumn<?>) c).label());
            } else if (c instanceof Label) {
                labels.add(((Label<?>) c).label());
            } else if (c.attribute() != null) {
                labels.add(c.attribute().path());
            } else if (c instanceof Table.Column) {
                labels.add(((Table.Column<?>) c).name());
            } else {
                labels.add("col" + (i + 1));
            }
        }
        return labels;
    }
}
