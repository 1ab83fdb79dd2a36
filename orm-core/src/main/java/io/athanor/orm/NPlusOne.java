package io.athanor.orm;

/**
 * What a session does when it sees the N+1 pattern: lazy loads of the same relationship firing one by
 * one for several instances that one query loaded together.
 */
public enum NPlusOne {
    /** Do nothing. */
    OFF,
    /** Log once per relationship and session, at WARN, with the option that would have avoided it (the default). */
    WARN,
    /** Throw {@link NPlusOneException} with the same message, at the second lazy load. */
    FAIL
}
