package io.athanor.orm;

import io.athanor.orm.error.AthanorException;
import java.util.List;

/**
 * A commit of a session that wrote to several databases (per-entity engines or shards) failed after some of
 * them had committed. A session commits its databases one after the other in a fixed order (the order the
 * engines were given to {@link Binds} or {@link Shards}); this is not a two-phase commit, so the databases
 * named by {@link #committed()} keep the transaction's writes while those named by {@link #rolledBack()} do
 * not. The cause is the failure of the first database that did not commit.
 *
 * <p>Recover by reconciling the databases (for example by re-running the work for the rolled-back ones), or
 * keep each unit of work to one database when the writes must be atomic. The session is failed as after any
 * failed commit: call {@code rollback()} to use it again.
 */
public class PartialCommitException extends AthanorException {
    private final List<String> committed;
    private final List<String> rolledBack;

    /**
     * @param committed  names of the databases that committed, in commit order
     * @param rolledBack names of the databases that did not commit (the failed one first)
     * @param cause      the failure of the first database that did not commit
     */
    public PartialCommitException(List<String> committed, List<String> rolledBack, RuntimeException cause) {
        super("The commit failed on " + rolledBack.get(0) + " after " + committed + " had committed: " + committed
                + " keep this transaction's writes and " + rolledBack + " were rolled back (" + cause.getMessage()
                + "). A session over several databases commits them one after the other, not in two phases: reconcile "
                + "the databases, or keep writes that must be atomic in one database.", cause);
        this.committed = List.copyOf(committed);
        this.rolledBack = List.copyOf(rolledBack);
    }

    /** The databases that committed, in commit order. */
    public List<String> committed() {
        return committed;
    }

    /** The databases that did not commit, the one that failed first. */
    public List<String> rolledBack() {
        return rolledBack;
    }
}
