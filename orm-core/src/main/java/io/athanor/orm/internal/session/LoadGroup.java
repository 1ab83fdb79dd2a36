package io.athanor.orm.internal.session;

import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.HashMap;
import java.util.Map;

/** The instances one query returned together, and how many lazy loads each relationship has fired among them. */
final class LoadGroup {
    final int size;
    private final Map<RelationshipModel, Integer> lazyLoads = new HashMap<>(4);

    LoadGroup(int size) {
        this.size = size;
    }

    /** Counts one more lazy load of {@code r} in this group and returns the count. */
    int fired(RelationshipModel r) {
        return lazyLoads.merge(r, 1, Integer::sum);
    }
}
