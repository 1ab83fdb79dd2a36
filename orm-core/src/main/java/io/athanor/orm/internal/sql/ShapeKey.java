package io.athanor.orm.internal.sql;

import java.util.Arrays;

/**
 * A statement's structure, values left out: equal keys compile to equal SQL. Holds the first {@code size} tokens of
 * the array the walk filled, without copying them: a key looked up and found costs no array of its own; one that
 * goes into the cache is {@link #trimmed()} first, so the cache keeps no spare room.
 */
final class ShapeKey {
    private final Object[] tokens;
    private final int size;
    private final int hash;

    ShapeKey(Object[] tokens, int size) {
        this.tokens = tokens;
        this.size = size;
        int h = 1;
        for (int i = 0; i < size; i++) {
            Object t = tokens[i];
            h = 31 * h + (t == null ? 0 : t.hashCode());
        }
        this.hash = h;
    }

    /** This key over an array of exactly its tokens. */
    ShapeKey trimmed() {
        return size == tokens.length ? this : new ShapeKey(Arrays.copyOf(tokens, size), size);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShapeKey)) {
            return false;
        }
        ShapeKey other = (ShapeKey) o;
        return other.hash == hash && Arrays.equals(other.tokens, 0, other.size, tokens, 0, size);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
