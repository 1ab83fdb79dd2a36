package io.athanor.orm.enhance;

import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.sync.Associations;

/**
 * The entry points enhanced entity classes call when one of their mapped fields is written; not
 * for application code. Thread-safety: as the instances it is given (one thread at a time per session).
 */
public final class FieldWrites {
    private FieldWrites() {
    }

    /**
     * Updates the other side of relationship {@code field} of {@code owner} (declared by {@code type})
     * for the change from {@code old} to {@code value}, and returns what the field should hold: the value
     * itself, or for a collection the same collection wrapped so later changes are seen too.
     */
    public static Object write(Class<?> type, Object owner, String field, Object old, Object value) {
        return Associations.written(type, owner, field, old, value);
    }

    /**
     * Notes that a mapped field of the instance whose session entry is {@code entry} was written, so the
     * session's next flush compares that instance; does nothing for {@code null} (no session holds it).
     */
    public static void changed(Object entry) {
        if (entry instanceof EntityEntry) {
            ((EntityEntry) entry).changed();
        }
    }
}
