package io.athanor.orm.internal.load;

import java.util.LinkedHashSet;
import java.util.Set;

/** A {@link Set} relationship that loads on first use. */
final class LazySet<E> extends LazyCollection<E, Set<E>> implements Set<E> {
    LazySet(Loader loader, Object owner, io.athanor.orm.internal.meta.RelationshipModel relationship) {
        super(loader, owner, relationship);
    }

    @Override
    Set<E> empty() {
        return new LinkedHashSet<>();
    }
}
