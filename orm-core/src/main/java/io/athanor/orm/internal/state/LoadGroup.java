package io.athanor.orm.internal.state;

import io.athanor.orm.internal.meta.RelationshipModel;
import java.util.HashMap;
import java.util.Map;

/** The instances one query returned together, and how many lazy loads each relationship has fired among them. */
public final class LoadGroup {
    /** How many instances the query returned; set once the rows are read. */
    public int size;
    private Map<RelationshipModel, Integer> lazyLoads;

    /** Counts one more lazy load of {@code r} in this group and returns the count. */
    public int fired(RelationshipModel r) {
        if (lazyLoads == null) {
            lazyLoads = new HashMap<>(4);
        }
        return lazyLoads.merge(r, 1, Integer::sum);
    }
}
