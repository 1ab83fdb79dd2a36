/**
 * Entities the build enhances (exec-maven-plugin, process-test-classes, {@code EntityEnhancer}) for the tests
 * of write tracking: {@link io.athanor.orm.model.tracked.Account} and {@link io.athanor.orm.model.tracked.Branch}
 * report their writes, as does {@link io.athanor.orm.model.tracked.Note} (versioned, with a {@code PreUpdate} callback); {@link io.athanor.orm.model.tracked.Shelf} (a collection) and
 * {@link io.athanor.orm.model.tracked.Parcel} (an embedded value) are enhanced but compared at every flush.
 */
package io.athanor.orm.model.tracked;
