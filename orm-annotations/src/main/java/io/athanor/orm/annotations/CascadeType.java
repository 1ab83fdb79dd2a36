package io.athanor.orm.annotations;

/** Session operations that pass from an entity to the entities of a relationship. */
public enum CascadeType {
    /** All of the below. */
    ALL,
    /** Adding the parent to a session adds the children. */
    PERSIST,
    /** Merging the parent merges the children. */
    MERGE,
    /** Deleting the parent deletes the children. */
    REMOVE,
    /** Refreshing the parent refreshes the children. */
    REFRESH,
    /** Expunging the parent from the session expunges the children. */
    DETACH
}
