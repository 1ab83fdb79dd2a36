/**
 * Keeps both sides of a two-way relationship in step in memory: the collections the session hands out
 * and, in enhanced entity classes, every write of a relationship field report here, and the other side is
 * changed without reporting back.
 */
package io.athanor.orm.internal.sync;
