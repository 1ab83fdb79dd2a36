/** Entities for the generated snapshot comparison: one field of each kind a flush compares. */
package io.athanor.orm.model.compare;
