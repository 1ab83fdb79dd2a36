/**
 * The JMH benchmark classes, one per workload, each with one method per implementation; the
 * implementations themselves are the states in the sibling packages.
 */
package io.athanor.bench.workload;
