package io.athanor.orm.query;

/**
 * What a DSL UPDATE or DELETE run through a session does to the instances of its entity that the
 * session already holds ({@code update(User.class)...synchronize(Synchronize.EXPIRE).execute()}).
 */
public enum Synchronize {
    /**
     * After the statement, one SELECT by key re-reads the columns of the instances the session holds
     * (none if it holds none); instances whose rows a DELETE removed leave the session. Unflushed changes
     * to other fields are kept. The default.
     */
    FETCH,
    /** Marks the session's instances expired: they are re-read the next time the session returns them. */
    EXPIRE,
    /** Leaves the instances as they are, possibly out of date (fastest; for sessions that hold none). */
    NONE
}
