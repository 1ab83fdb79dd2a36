package io.athanor.orm.model.placed;

/** An item's kind, stored by name. */
public enum Kind {
    BOX,
    BAG
}
