package io.athanor.orm.query;

/** A reference to a selected column by its label, for ORDER BY. */
final class LabelRef extends Expression<Object> {
    private final String label;

    LabelRef(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    @Override
    public void render(SqlBuilder b) {
        b.identifier(label);
    }
}
