package io.athanor.orm.annotations;

/** How an enum field is stored, for {@link Enumerated}. */
public enum EnumType {
    /** The constant's name, in a text column: survives reordering of the constants. */
    STRING,
    /** The constant's position, in an integer column: compact, but breaks if constants are reordered. */
    ORDINAL
}
