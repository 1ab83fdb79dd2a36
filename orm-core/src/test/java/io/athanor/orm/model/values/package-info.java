/** Entities for values at the edges of what databases store: dates out of range, hostile strings. */
package io.athanor.orm.model.values;
