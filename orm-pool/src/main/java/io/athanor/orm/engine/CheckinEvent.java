package io.athanor.orm.engine;

import java.time.Duration;

/**
 * A connection was returned to the engine.
 *
 * @param held how long the caller held it
 */
public record CheckinEvent(Duration held) {
}
