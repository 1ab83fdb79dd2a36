package io.athanor.orm.annotations;

/** The SQL type of a {@link DiscriminatorColumn}. */
public enum DiscriminatorType {
    /** A {@code varchar} of the column's length; values are the {@link DiscriminatorValue}s as given. */
    STRING,
    /** A one-character column; each {@link DiscriminatorValue} must be one character. */
    CHAR,
    /** An {@code integer} column; each {@link DiscriminatorValue} must be a whole number. */
    INTEGER
}
