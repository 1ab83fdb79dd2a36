package io.athanor.orm.query;

import io.athanor.orm.engine.Text;
import java.util.List;
import java.util.Map;

/** Raw SQL with named parameters inside a statement: {@link Sql#text(String, Map)}. */
final class TextFragment<T> extends Expression<T> {
    private final List<String> fragments;
    private final List<Object> values;
    private final List<String> slots;
    private final Class<T> type;

    TextFragment(Text text, Map<String, ?> params, Class<T> type) {
        text.bind(params);
        this.fragments = text.fragments();
        this.slots = text.slots();
        this.values = new java.util.ArrayList<>();
        for (String slot : text.slots()) {
            values.add(params.get(slot));
        }
        this.type = type;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    /** Parenthesised, so that the text keeps its meaning next to other conditions ({@code a OR b} inside an AND). */
    @Override
    public void render(SqlBuilder b) {
        b.sql("(");
        for (int i = 0; i < values.size(); i++) {
            b.sql(fragments.get(i)).bindNamed(values.get(i), "Parameter :" + slots.get(i));
        }
        b.sql(fragments.get(values.size())).sql(")");
    }
}
