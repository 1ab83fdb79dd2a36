package io.athanor.orm.engine;

import java.time.Duration;

/**
 * A connection was handed out by the engine.
 *
 * @param waited how long the caller waited for it (including any pre-ping)
 * @param pool   the pool's figures just after checkout
 */
public record CheckoutEvent(Duration waited, PoolStatus pool) {
}
