package io.athanor.orm.query;

import io.athanor.orm.error.ResultCountException;
import java.util.List;

/** What {@link Select#one()} and {@link Select#oneOrNull()} make of the rows they read. */
final class Results {
    private Results() {
    }

    static <R> R one(List<R> all) {
        if (all.size() != 1) {
            throw new ResultCountException("Expected exactly one result but the query returned " + (all.isEmpty() ? "none"
                    : "more than one") + "; " + (all.isEmpty() ? "use oneOrNull() or first() when no result is a valid answer."
                    : "add a condition that picks one, or use first()."), all.size());
        }
        return all.get(0);
    }

    static <R> R oneOrNull(List<R> all) {
        if (all.size() > 1) {
            throw new ResultCountException("Expected at most one result but the query returned more than one; add a "
                    + "condition that picks one, or use first().", all.size());
        }
        return all.isEmpty() ? null : all.get(0);
    }
}
