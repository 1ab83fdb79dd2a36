package io.athanor.orm.query;

/**
 * The compiled-statement cache's figures: a statement whose shape (structure, values left out) was
 * compiled before is a hit and skips compilation.
 *
 * @param hits     statements that reused a compilation
 * @param misses   statements compiled afresh
 * @param size     shapes held now
 * @param capacity the most shapes held (least recently used ones are dropped)
 */
public record QueryCacheStats(long hits, long misses, int size, int capacity) {
}
