package io.athanor.orm.internal.sql;

import java.util.Arrays;

/** A statement's structure, values left out: equal keys compile to equal SQL. */
final class ShapeKey {
    private final Object[] tokens;
    private final int hash;

    ShapeKey(Object[] tokens) {
        this.tokens = tokens;
        this.hash = Arrays.hashCode(tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeKey && ((ShapeKey) o).hash == hash && Arrays.equals(((ShapeKey) o).tokens, tokens);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
