package io.athanor.orm.query;

import static io.athanor.orm.engine.Text.text;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import java.util.Map;

/** For tests of locking reads: whether another transaction can lock a row right now. */
public final class RowLocks {
    private RowLocks() {
    }

    /**
     * Whether a new session of {@code f} can lock the rows {@code select} (a plain {@code SELECT}, named parameters)
     * reads, at once: it runs it with {@code FOR UPDATE NOWAIT}, which fails on a row another transaction locked.
     */
    public static boolean lockableNow(SessionFactory f, String select, Map<String, ?> params) {
        try (Session other = f.open()) {
            try {
                other.execute(text(select + " FOR UPDATE NOWAIT"), params).rows();
                return true;
            } catch (RuntimeException locked) {
                return false;
            } finally {
                other.rollback();
            }
        }
    }
}
