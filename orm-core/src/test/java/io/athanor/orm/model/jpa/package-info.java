/**
 * A model written the Jakarta Persistence way ({@code jakarta.persistence} annotations only): customers
 * with orders with lines, tags (many-to-many), a profile (one-to-one), an embedded address, a version
 * column, enums stored by name and by ordinal, a converter and a sequence.
 */
package io.athanor.orm.model.jpa;
