/**
 * An inheritance model written the Jakarta Persistence way: a generic {@code @MappedSuperclass} key and version,
 * and a single-table hierarchy of vehicles with a one-character discriminator, kept in garages.
 */
package io.athanor.orm.model.jpa.inheritance;
