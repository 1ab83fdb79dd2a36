package io.athanor.orm.error;

/**
 * Every pooled connection stayed in use for longer than the engine's {@code poolTimeout}, so no
 * connection could be handed out. The message gives the pool's figures at that moment and the
 * settings to raise; a pool that stays exhausted usually means connections or sessions that are never
 * closed.
 */
public class PoolTimeoutException extends AthanorException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message giving the pool's figures. */
    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
