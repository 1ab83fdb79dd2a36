/**
 * A joined hierarchy written the Jakarta Persistence way: shapes with a discriminator column, a subclass whose
 * key column is named by {@code @PrimaryKeyJoinColumn}, and one keyed by the root's id column name.
 */
package io.athanor.orm.model.jpa.joined;
