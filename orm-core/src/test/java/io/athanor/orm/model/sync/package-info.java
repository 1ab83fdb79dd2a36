/**
 * Entities the build enhances (exec-maven-plugin, process-test-classes, {@code EntityEnhancer}): setting
 * one side of a relationship updates the other at once.
 */
package io.athanor.orm.model.sync;
