package io.athanor.orm.model.converted;

/** A mutable count with {@code equals}, mapped by a registered value type that copies it. */
public class Tally {
    public int count;

    public Tally(int count) {
        this.count = count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally && ((Tally) o).count == count;
    }

    @Override
    public int hashCode() {
        return count;
    }
}
