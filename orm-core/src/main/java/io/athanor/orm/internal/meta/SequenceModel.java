package io.athanor.orm.internal.meta;

/**
 * A sequence that hands out ids.
 *
 * @param schema         its schema (empty for the default)
 * @param name           its name
 * @param allocationSize values reserved per round trip (its increment)
 */
public record SequenceModel(String schema, String name, int allocationSize) {
}
