package io.athanor.orm.internal.sync;

import java.util.Collection;

/**
 * A relationship collection that can be changed without telling the other side: what the other side's
 * own change uses, so one change is never reported twice.
 */
public interface RawCollection {

    /** Adds {@code element} unless it is there already (by identity for lists); an unloaded collection queues it. */
    void rawAdd(Object element);

    /** Removes {@code element} if it is there; an unloaded collection queues the removal. */
    void rawRemove(Object element);

    /** The elements held now, without loading and without telling the other side: empty while unloaded. */
    Collection<?> current();

    /** The elements, loading them first if they are not yet loaded. */
    default Collection<?> all() {
        return current();
    }

    /** The instance whose relationship this collection is. */
    Object owner();

    /** Replaces the elements with {@code elements}, telling no one: what a loader found. */
    void reset(Collection<?> elements);
}
