package io.athanor.orm.annotations;

/** How the entities of one class hierarchy are stored, for {@link Inheritance}. */
public enum InheritanceType {
    /** Every entity of the hierarchy in the root's table, told apart by a {@link DiscriminatorColumn}. */
    SINGLE_TABLE,
    /**
     * The root's columns in the root's table and each subclass's own columns in its own table, keyed by the
     * root's id ({@link PrimaryKeyJoinColumn}); reading a subclass joins the tables of the classes it extends.
     */
    JOINED,
    /** A full table per concrete class. Not supported: mapping it is refused; use {@link #SINGLE_TABLE}. */
    TABLE_PER_CLASS
}
