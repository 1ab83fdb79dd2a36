package io.athanor.orm.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.PoolStatus;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.ThrowawayPostgres;
import io.athanor.orm.test.ThrowawayPostgres.Backend;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** What the fault tests share: a gate that stops a statement where the test wants it, counts, and leak checks. */
final class Faults {
    /** The longest any condition is waited for; reached only when something is wrong. */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Faults() {
    }

    /**
     * An advisory lock held on a connection of its own. A trigger that takes the same lock makes a
     * statement (or a COMMIT, for a deferred trigger) wait at a known point until the gate opens, so a test
     * can end that session while it is exactly there instead of hoping to catch it.
     */
    static final class Gate implements AutoCloseable {
        private final Connection holder;

        Gate(ThrowawayPostgres pg, long key) throws SQLException {
            holder = pg.openJdbc();
            try (Statement s = holder.createStatement()) {
                s.execute("select pg_advisory_lock(" + key + ")");
            }
        }

        /** Releases the lock: statements waiting at the gate go on. */
        @Override
        public void close() throws SQLException {
            holder.close();
        }
    }

    /** Waits until a session of {@code application} runs a statement starting with {@code prefix} and waits at a gate. */
    static Backend awaitAtGate(ThrowawayPostgres pg, String application, String prefix) {
        AtomicReference<Backend> found = new AtomicReference<>();
        Await.until(DEADLINE, () -> {
            for (Backend b : pg.backends(application)) {
                if (b.isRunning(prefix) && b.waitsForAdvisoryLock()) {
                    found.set(b);
                    return true;
                }
            }
            return false;
        }, "a " + prefix + " of '" + application + "' to wait at the gate");
        return found.get();
    }

    /** The single number {@code sql} returns, read on a connection outside any engine. */
    static long count(ThrowawayPostgres pg, String sql) {
        try (Connection c = pg.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} on a connection outside any engine. */
    static void run(ThrowawayPostgres pg, String sql) {
        try (Connection c = pg.openJdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code e} is a database error that says the connection was lost (57P01-03, class 08). */
    static boolean isLostConnection(Throwable e) {
        if (!(e instanceof DatabaseException) || ((DatabaseException) e).sqlState() == null) {
            return false;
        }
        String state = ((DatabaseException) e).sqlState();
        return state.startsWith("08") || state.matches("57P0[123]");
    }

    /**
     * No connection leaked: none is checked out, and the server has exactly one session, idle, for each
     * connection the pool holds (a lost connection was dropped, not kept or left open).
     */
    static void assertNoLeak(ThrowawayPostgres pg, Engine engine, String application) {
        // A connection closed with a read transaction open may still be rolling back on a pool thread.
        Await.until(DEADLINE, () -> engine.pool().active() == 0, "every connection back in the pool after the fault");
        PoolStatus pool = engine.pool();
        assertThat(pool.active()).as("connections checked out after the fault: %s", pool).isZero();
        // One condition for the settled state: a replacement the pool opens in the background after a lost connection
        // shows on the server only once it has set its application name, and is briefly active while it does.
        // The checks below look at the very list that settled: a second read could meet the pool validating one.
        AtomicReference<List<Backend>> seen = new AtomicReference<>();
        Await.until(DEADLINE, () -> {
            seen.set(pg.backends(application));
            return settled(seen.get(), engine);
        }, "the server's sessions of '" + application + "' to match the pool's connections, all idle");
        List<Backend> sessions = seen.get();
        assertThat(sessions.size()).as("sessions on the server").isLessThanOrEqualTo(engine.pool().max());
        assertThat(sessions).allSatisfy(b -> assertThat(b.state()).as("session %s", b).isEqualTo("idle"));
    }

    /** The pool refilled to its size, each of its connections one idle session on the server, none checked out. */
    private static boolean settled(List<Backend> sessions, Engine engine) {
        PoolStatus pool = engine.pool();
        return pool.active() == 0 && pool.total() >= engine.config().poolSize() && sessions.size() == pool.total()
                && sessions.stream().allMatch(b -> "idle".equals(b.state()));
    }
}
