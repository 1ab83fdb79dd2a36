/**
 * Optional enhancement of entity classes, so that setting one side of a two-way relationship updates
 * the other at once (SQLAlchemy's {@code back_populates}), for instances made with {@code new} too, and
 * so that a flush visits only the instances whose fields were written since the last one.
 *
 * <p>Nothing here is required: without enhancement the collections a session hands out, and the
 * collections of instances given to {@code Session.add}, keep both sides in step, and the flush reads the
 * owning side. Enhance at build time with {@link io.athanor.orm.enhance.EntityEnhancer} (a
 * {@code process-classes} step) or at load time with the {@link io.athanor.orm.enhance.AthanorAgent}
 * Java agent.
 */
package io.athanor.orm.enhance;
