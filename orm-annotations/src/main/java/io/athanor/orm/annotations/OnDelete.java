package io.athanor.orm.annotations;

/** What the database does to referencing rows when the referenced row is deleted ({@code ON DELETE}). */
public enum OnDelete {
    /** Refuse the delete while rows refer to it (the SQL default, checked at the end of the statement). */
    NO_ACTION,
    /** Refuse the delete at once. */
    RESTRICT,
    /** Delete the referencing rows too. */
    CASCADE,
    /** Set the referencing column to NULL. */
    SET_NULL
}
