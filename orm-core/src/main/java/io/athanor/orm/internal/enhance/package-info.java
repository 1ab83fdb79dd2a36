/** The class-file rewriting behind {@link io.athanor.orm.enhance.EntityEnhancer}. */
package io.athanor.orm.internal.enhance;
