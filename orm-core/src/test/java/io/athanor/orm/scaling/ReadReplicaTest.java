package io.athanor.orm.scaling;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.athanor.orm.Binds;
import io.athanor.orm.CommitPosition;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.route.ReadRouter;
import io.athanor.orm.test.Await;
import io.athanor.orm.test.ReplicatedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Read-only sessions on a real streaming standby: where they land, read your writes with the standby's
 * replay paused (a stale read is certain) and resumed, a lagging standby and a stopped one passed over for
 * the primary. The figures the tests see are logged at INFO on this class's logger ("figures: ...").
 */
class ReadReplicaTest {
    private static final org.slf4j.Logger FIGURES = LoggerFactory.getLogger(ReadReplicaTest.class);
    private static final int WRITES = 200;

    @RegisterExtension
    static final ReplicatedPostgres PG = ReplicatedPostgres.create();

    private static Engine primary;
    private static Engine replica;

    @BeforeAll
    static void schema() {
        primary = PG.primaryEngineBuilder().poolSize(2).build();
        replica = PG.standbyEngineBuilder().poolSize(2).poolTimeout(Duration.ofSeconds(2)).prePing(true).build();
        SessionFactory.builder(primary).entities(Note.class).build().schema().createAll();
        PG.awaitCaughtUp();
    }

    @AfterAll
    static void close() {
        replica.close();
        primary.close();
    }

    @AfterEach
    void replayOnAndStandbyUp() {
        if (!PG.isStandbyRunning()) {
            PG.startStandby();
        }
        if (PG.isReplayPaused()) {
            PG.resumeReplay();
        }
        PG.awaitCaughtUp();
    }

    private static SessionFactory sessions(UnaryOperator<Binds.Builder> settings) {
        Binds binds = settings.apply(Binds.builder(primary).replica(replica)).build();
        return SessionFactory.builder(binds).entities(Note.class).build();
    }

    private static boolean inRecovery(Session s) {
        return s.execute(text("select pg_is_in_recovery()"), Map.of()).scalar(Boolean.class);
    }

    private static long write(Session s, String what) {
        Note n = new Note(what);
        s.add(n);
        s.commit();
        return n.getId();
    }

    @Test
    void readOnlySessionsReadFromTheReplicaAndKeepItWhileWritesGoToThePrimary() {
        SessionFactory sessions = sessions(b -> b);
        try (Session rw = sessions.open()) {
            write(rw, "written on the primary");
            assertThat(inRecovery(rw)).isFalse();
            assertThat(rw.commitPosition()).isPresent();
        }
        try (Session ro = sessions.open(SessionOptions.readOnly())) {
            assertThat(inRecovery(ro)).isTrue();
            int pid = ro.execute(text("select pg_backend_pid()"), Map.of()).scalar(Integer.class);
            ro.commit();
            assertThat(ro.execute(text("select pg_backend_pid()"), Map.of()).scalar(Integer.class))
                    .as("the same replica session after a commit").isEqualTo(pid);
            assertThat(ro.commitPosition()).isEmpty();
        }
        assertThat(sessions.lastCommitPosition()).isPresent();
    }

    @Test
    void theSettingsTheGuideShows() {
        // tag::binds[]
        Binds binds = Binds.builder(primary)                  // writes, DDL, sequences, read-write sessions
                .replica(replica)                             // read-only sessions, each replica in turn
                .maxReplicaLag(Duration.ofSeconds(5))         // pass over a replica further behind than this
                .recheckAfter(Duration.ofSeconds(5))          // how long a replica down or lagging is passed over
                .readYourWrites(Duration.ofMillis(500))       // the longest a session waits for a replica to catch up
                .build();
        SessionFactory sessions = SessionFactory.builder(binds).entities(Note.class).build();
        // end::binds[]
        // tag::read-your-writes[]
        String cookie;
        try (Session session = sessions.open()) {
            session.add(new Note("my new note"));
            session.commit();
            cookie = session.commitPosition().orElseThrow().toString();   // "0/3000060": send it with the response
        }
        // ... the next request, maybe on another server of the application ...
        java.util.List<Note> notes;
        SessionOptions afterMyCommit = SessionOptions.readOnly().after(CommitPosition.parse(cookie));
        try (Session session = sessions.open(afterMyCommit)) {
            notes = session.select(Note.class).list();      // on a replica that has replayed the commit, or the primary
        }
        // end::read-your-writes[]
        assertThat(notes).extracting(Note::getText).contains("my new note");
    }

    /** What {@link #writeThenRead} saw: reads that missed their row, plain and after the commit position, and where the latter ran. */
    private record Reads(int missedPlain, int missedAfter, int onReplica) {
    }

    /** {@value #WRITES} writes, each read back at once by key in a plain read-only session and in one after its commit position. */
    private static Reads writeThenRead(SessionFactory sessions, String label) {
        int missedPlain = 0;
        int missedAfter = 0;
        int onReplica = 0;
        for (int i = 0; i < WRITES; i++) {
            long id;
            CommitPosition position;
            try (Session rw = sessions.open()) {
                id = write(rw, label + " " + i);
                position = rw.commitPosition().orElseThrow();
            }
            try (Session plain = sessions.open(SessionOptions.readOnly())) {
                missedPlain += plain.get(Note.class, id) == null ? 1 : 0;
            }
            try (Session after = sessions.open(SessionOptions.readOnly().after(position))) {
                missedAfter += after.get(Note.class, id) == null ? 1 : 0;
                onReplica += inRecovery(after) ? 1 : 0;
            }
        }
        Reads reads = new Reads(missedPlain, missedAfter, onReplica);
        FIGURES.info("figures: replay {}, {} writes: {} plain reads missed, {} reads after the commit position missed "
                + "({} served by the replica)", label, WRITES, reads.missedPlain(), reads.missedAfter(), reads.onReplica());
        return reads;
    }

    @Test
    void withReplayPausedEveryPlainReadMissesAndNoReadAfterTheCommitPositionDoes() {
        SessionFactory sessions = sessions(b -> b.readYourWrites(Duration.ofMillis(20)));
        PG.pauseReplay();
        Reads reads = writeThenRead(sessions, "paused");
        assertThat(reads.missedPlain()).as("a paused standby shows none of the writes").isEqualTo(WRITES);
        assertThat(reads.missedAfter()).isZero();
        assertThat(reads.onReplica()).as("a paused standby never has the commit: the primary served").isZero();
    }

    @Test
    void withReplayRunningReadsAfterTheCommitPositionSeeEveryWriteFromTheReplica() {
        // a bound, not a measurement: a stall of the standby past it would send a read to the primary
        SessionFactory sessions = sessions(b -> b.readYourWrites(Duration.ofSeconds(30)));
        Reads reads = writeThenRead(sessions, "running");
        assertThat(reads.missedAfter()).isZero();
        assertThat(reads.onReplica()).as("the standby catches up within the wait").isEqualTo(WRITES);
    }

    @Test
    void theLagSeenBetweenACommitAndItsReplayIsLogged() throws SQLException {
        SessionFactory sessions = sessions(b -> b);
        long[] micros = new long[50];
        try (Connection standby = PG.standby().openJdbc();
             PreparedStatement replayed = standby.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            for (int i = 0; i < micros.length; i++) {
                CommitPosition position;
                try (Session rw = sessions.open()) {
                    write(rw, "lag " + i);
                    position = rw.commitPosition().orElseThrow();
                }
                long committed = System.nanoTime();
                replayed.setString(1, position.toString());
                long deadline = committed + Duration.ofSeconds(30).toNanos();
                boolean done = false;
                while (!done && System.nanoTime() < deadline) {
                    try (ResultSet rs = replayed.executeQuery()) {
                        rs.next();
                        done = rs.getBoolean(1);
                    }
                }
                micros[i] = (System.nanoTime() - committed) / 1_000;
                assertThat(done).as("the standby replays commit %d within 30 s", i).isTrue();
            }
        }
        java.util.Arrays.sort(micros);
        FIGURES.info("figures: commit to replay on the standby, {} commits: median {} µs, 90th percentile {} µs, worst {} µs",
                micros.length, micros[micros.length / 2], micros[micros.length * 9 / 10], micros[micros.length - 1]);
        assertThat(micros).hasSize(50);
    }

    @Test
    void theFactoryWidePolicyMakesEveryReadOnlySessionSeeTheLatestCommit() {
        SessionFactory sessions = sessions(b -> b.readYourWrites(Duration.ofMillis(20)).readYourWritesByDefault(true));
        PG.pauseReplay();
        long id;
        try (Session rw = sessions.open()) {
            id = write(rw, "policy");
        }
        try (Session ro = sessions.open(SessionOptions.readOnly())) {
            assertThat(ro.get(Note.class, id)).isNotNull();
            assertThat(inRecovery(ro)).isFalse();
        }
        PG.resumeReplay();
        PG.awaitCaughtUp();
        try (Session ro = sessions.open(SessionOptions.readOnly())) {
            assertThat(ro.get(Note.class, id)).isNotNull();
            assertThat(inRecovery(ro)).as("caught up: the replica serves again").isTrue();
        }
    }

    @Test
    void aReplicaLaggingPastTheBoundIsPassedOverWithAWarningAndTakenBackOnceCaughtUp() {
        SessionFactory sessions = sessions(b -> b.maxReplicaLag(Duration.ofMillis(1)).recheckAfter(Duration.ZERO));
        try (Log log = Log.of(ReadRouter.class)) {
            PG.pauseReplay();
            try (Session rw = sessions.open()) {
                write(rw, "behind a paused replay");
            }
            awaitReceived();
            try (Session ro = sessions.open(SessionOptions.readOnly())) {
                assertThat(inRecovery(ro)).isFalse();
            }
            assertThat(log.warnings()).anySatisfy(m -> assertThat(m).contains("lags the primary").contains("maxReplicaLag"));
            PG.resumeReplay();
            PG.awaitCaughtUp();
            awaitReadOnlySessionsOnTheReplica(sessions);
        }
    }

    @Test
    void aStoppedReplicaIsPassedOverForThePrimaryWithAWarningAndTakenBackOnceUp() {
        SessionFactory sessions = sessions(b -> b.recheckAfter(Duration.ZERO));
        long id;
        try (Session rw = sessions.open()) {
            id = write(rw, "before the standby stops");
        }
        PG.awaitCaughtUp();
        try (Log log = Log.of(ReadRouter.class)) {
            PG.stopStandby();
            for (int i = 0; i < 3; i++) {
                try (Session ro = sessions.open(SessionOptions.readOnly())) {
                    assertThat(ro.get(Note.class, id)).isNotNull();
                    assertThat(inRecovery(ro)).isFalse();
                }
            }
            assertThat(log.warnings()).filteredOn(m -> m.contains("cannot be reached")).hasSize(1);
            PG.startStandby();
            PG.awaitCaughtUp();
            awaitReadOnlySessionsOnTheReplica(sessions);    // the replica's pool may take a few tries to reconnect
        }
    }

    /** Waits until a new read-only session lands on the standby again. */
    private static void awaitReadOnlySessionsOnTheReplica(SessionFactory sessions) {
        Await.until(Duration.ofSeconds(30), () -> {
            try (Session ro = sessions.open(SessionOptions.readOnly())) {
                return inRecovery(ro);
            }
        }, "a read-only session to land on the standby again");
    }

    @Test
    void aReplicaThatCannotConnectIsPassedOverForTheNextReplica() {
        Engine gone = PG.standbyEngineBuilder().name("gone-replica").poolSize(1).build();
        gone.close();                                          // connect() now fails at once
        Binds binds = Binds.builder(primary).replica(gone).replica(replica).recheckAfter(Duration.ofMinutes(5)).build();
        SessionFactory sessions = SessionFactory.builder(binds).entities(Note.class).build();
        try (Log log = Log.of(ReadRouter.class)) {
            for (int i = 0; i < 4; i++) {
                try (Session ro = sessions.open(SessionOptions.readOnly())) {
                    assertThat(inRecovery(ro)).as("the second replica, a standby, serves").isTrue();
                }
            }
            assertThat(log.warnings()).filteredOn(m -> m.contains("'gone-replica' cannot be reached")).hasSize(1);
        }
    }

    /** Waits until the standby has received (not necessarily replayed) everything the primary has written. */
    private static void awaitReceived() {
        String target = PG.primaryLsn().toString();
        Await.until(Duration.ofSeconds(30), () -> {
            try (Connection c = PG.standby().openJdbc();
                 PreparedStatement ps = c.prepareStatement("select pg_last_wal_receive_lsn() >= ?::pg_lsn")) {
                ps.setString(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "the standby to receive the WAL up to " + target);
    }

    /** The WARN messages one logger writes while open. */
    static final class Log implements AutoCloseable {
        private final Logger logger;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        private Log(Class<?> type) {
            this.logger = (Logger) LoggerFactory.getLogger(type);
            appender.start();
            logger.addAppender(appender);
        }

        static Log of(Class<?> type) {
            return new Log(type);
        }

        java.util.List<String> warnings() {
            return appender.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
        }
    }
}
