package io.athanor.orm.internal.route;

import io.athanor.orm.Binds;
import io.athanor.orm.CommitPosition;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the connection of a read-only session: a replica, in turn, that answers, does not lag past the
 * bound and has replayed the commit the session must see; the primary when none does. Remembers the
 * factory's latest commit position. Thread-safe.
 */
public final class ReadRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ReadRouter.class);
    private static final String REPLAY_LSN = "select pg_last_wal_replay_lsn()::text";
    private static final String LAG = "select case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0 "
            + "else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) end";

    private final Binds binds;
    private final boolean postgres;
    private final List<ReplicaHealth> replicas;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<CommitPosition> latest = new AtomicReference<>();
    private final RouteCounts counts = new RouteCounts();

    public ReadRouter(Binds binds, boolean postgres) {
        this.binds = binds;
        this.postgres = postgres;
        if (!postgres && (binds.maxReplicaLag() != null || binds.readYourWritesByDefault())) {
            throw new ConfigurationException("maxReplicaLag and readYourWritesByDefault ask a PostgreSQL standby how far it "
                    + "has replayed; this database is not PostgreSQL. Remove those settings; replicas are still used in "
                    + "turn and skipped when unreachable.");
        }
        this.replicas = binds.replicas().stream().map(ReplicaHealth::new).toList();
    }

    /** Whether commits should note their position: there are PostgreSQL replicas to wait for. */
    public boolean tracksCommits() {
        return postgres && !replicas.isEmpty();
    }

    /** The factory's latest commit position, or null. */
    public CommitPosition latest() {
        return latest.get();
    }

    /** How read-only sessions were routed so far. */
    public RouteCounts counts() {
        return counts;
    }

    /**
     * Reads the primary's position on {@code c} just after a commit (one round trip, outside any transaction),
     * and keeps it as the factory's latest if it is later.
     */
    public CommitPosition positionAfterCommit(Connection c) {
        CommitPosition p = CommitPosition.parse(c.query("select pg_current_wal_lsn()::text", List.of(), ps -> { }, rs -> {
            rs.next();
            return rs.getString(1);
        }));
        latest.accumulateAndGet(p, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        return p;
    }

    /** A connection for a read-only session that must see {@code after} (null: nothing in particular). */
    public Connection connectForRead(CommitPosition after) {
        if (replicas.isEmpty()) {
            return binds.primary().connect();
        }
        CommitPosition must = after;
        if (binds.readYourWritesByDefault()) {
            CommitPosition l = latest.get();
            if (l != null && (must == null || l.compareTo(must) > 0)) {
                must = l;
            }
        }
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        boolean waited = false;
        for (int i = 0; i < replicas.size(); i++) {
            ReplicaHealth r = replicas.get((start + i) % replicas.size());
            if (!r.usable(binds.recheckAfter().toNanos())) {
                continue;
            }
            Connection c;
            try {
                c = r.engine.connect();
            } catch (RuntimeException e) {
                r.down("cannot be reached (" + firstLine(e.getMessage()) + ")", nanos());
                continue;
            }
            try {
                if (!lagOk(r, c)) {
                    c.close();
                    continue;
                }
                if (must != null && postgres && !caughtUp(c, must, waited ? 0L : binds.replayWait().toNanos())) {
                    waited = true;
                    c.close();
                    continue;
                }
                c.rollback();
                r.up();
                counts.replica.incrementAndGet();
                return c;
            } catch (RuntimeException e) {
                c.close();
                r.down("failed a check (" + firstLine(e.getMessage()) + ")", nanos());
            }
        }
        if (waited) {
            counts.primaryForPosition.incrementAndGet();
            LOG.debug("No replica replayed up to {} within {} ms; reading from the primary", must, binds.replayWait().toMillis());
        } else {
            counts.primaryNoReplica.incrementAndGet();
        }
        return binds.primary().connect();
    }

    /** Whether {@code r}'s lag (read on {@code c} when the last reading is too old) is within the bound. */
    private boolean lagOk(ReplicaHealth r, Connection c) {
        if (binds.maxReplicaLag() == null || !postgres) {
            return true;
        }
        long now = nanos();
        if (r.lagReadAt != 0 && now - r.lagReadAt < binds.recheckAfter().toNanos()) {
            return r.lagging == null;
        }
        double seconds = c.query(LAG, List.of(), ps -> { }, rs -> {
            rs.next();
            return rs.getDouble(1);
        });
        r.lagReadAt = now;
        long lagMillis = (long) (seconds * 1000);
        if (lagMillis > binds.maxReplicaLag().toMillis()) {
            r.lagging("lags the primary by " + lagMillis + " ms, more than maxReplicaLag (" + binds.maxReplicaLag().toMillis()
                    + " ms)", now);
            return false;
        }
        r.lagging = null;
        return true;
    }

    /** Whether the replica on {@code c} has replayed up to {@code must}, waiting up to {@code waitNanos} for it. */
    private static boolean caughtUp(Connection c, CommitPosition must, long waitNanos) {
        long deadline = System.nanoTime() + waitNanos;
        long pause = TimeUnit.MICROSECONDS.toNanos(500);
        while (true) {
            String replayed = c.query(REPLAY_LSN, List.of(), ps -> { }, rs -> {
                rs.next();
                return rs.getString(1);
            });
            c.rollback();
            if (replayed == null) {
                return true; // not a standby: it has everything the primary committed
            }
            if (CommitPosition.parse(replayed).reaches(must)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static long nanos() {
        return System.nanoTime();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** What is known of one replica: passed over until when, and why. */
    private static final class ReplicaHealth {
        final Engine engine;
        volatile long downSince;
        volatile String down;
        volatile long lagReadAt;
        volatile String lagging;

        ReplicaHealth(Engine engine) {
            this.engine = engine;
        }

        boolean usable(long recheckNanos) {
            String d = down;
            if (d != null && nanos() - downSince < recheckNanos) {
                return false;
            }
            String l = lagging;
            return l == null || nanos() - lagReadAt >= recheckNanos;
        }

        void down(String why, long now) {
            if (down == null) {
                LOG.warn("Replica '{}' {}; reading from another replica or the primary", engine.config().name(), why);
            }
            down = why;
            downSince = now;
        }

        void lagging(String why, long now) {
            if (lagging == null) {
                LOG.warn("Replica '{}' {}; reading from another replica or the primary", engine.config().name(), why);
            }
            lagging = why;
            lagReadAt = now;
        }

        void up() {
            if (down != null) {
                LOG.info("Replica '{}' answers again", engine.config().name());
                down = null;
            }
        }
    }
}
