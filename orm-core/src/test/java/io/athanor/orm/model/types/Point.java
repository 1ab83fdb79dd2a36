package io.athanor.orm.model.types;

/** A value type Athanor does not know, stored through {@link PointText}. */
public record Point(int x, int y) {
}
