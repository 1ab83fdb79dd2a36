package io.athanor.orm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A primary and its streaming standby: rows arrive, replay pauses and resumes, the standby stops and starts. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedPostgresTest {
    @RegisterExtension
    static final ReplicatedPostgres PG = ReplicatedPostgres.create();

    @Test
    @Order(1)
    void theStandbyIsInRecoveryAndThePrimaryIsNot() {
        assertThat(PG.primary().port()).isNotEqualTo(PG.standby().port()).isNotEqualTo(5432);
        assertThat(PG.primary().directory()).isNotEqualTo(PG.standby().directory());
        assertThat(PG.standby().directory().resolve("data").resolve("standby.signal")).as("written by pg_basebackup -R").exists();
        assertThat(ReplicatedPostgres.isInRecovery(PG.standbyUrl())).isTrue();
        assertThat(ReplicatedPostgres.isInRecovery(PG.primaryUrl())).isFalse();
        assertThatThrownBy(() -> execute(PG.standby(), "create table refused (id int)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
    }

    @Test
    @Order(2)
    void aRowWrittenOnThePrimaryAppearsOnTheStandby() throws Exception {
        execute(PG.primary(), "create table arrives (id int primary key)");
        execute(PG.primary(), "insert into arrives values (1)");
        Lsn written = PG.primaryLsn();
        PG.awaitReplayed(written, Duration.ofSeconds(30));
        assertThat(PG.replayLsn().isAtOrAfter(written)).isTrue();
        assertThat(count(PG.standby(), "select count(*) from arrives")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void withReplayPausedACommitStaysInvisibleOnTheStandbyUntilResumed() throws Exception {
        execute(PG.primary(), "create table stale (id int primary key)");
        PG.awaitCaughtUp();
        // tag::stale-read[]
        PG.pauseReplay();                                   // the standby shows nothing committed from now on
        try {
            assertThat(PG.isReplayPaused()).isTrue();
            execute(PG.primary(), "insert into stale values (1)");
            Lsn written = PG.primaryLsn();
            assertThat(count(PG.primary(), "select count(*) from stale")).isEqualTo(1);
            assertThat(count(PG.standby(), "select count(*) from stale")).as("a stale read").isZero();
            assertThat(PG.replayLsn()).isLessThan(written);
            assertThatThrownBy(() -> PG.awaitReplayed(written, Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining(written.toString());
            assertThat(count(PG.standby(), "select count(*) from stale")).as("still stale").isZero();
        } finally {
            PG.resumeReplay();                              // shared beds are left as they were found
        }
        // end::stale-read[]
        assertThat(PG.isReplayPaused()).isFalse();
        // tag::await-replayed[]
        PG.awaitReplayed(PG.primaryLsn(), Duration.ofSeconds(30));   // polls pg_last_wal_replay_lsn() on the standby
        assertThat(count(PG.standby(), "select count(*) from stale")).isEqualTo(1);
        // end::await-replayed[]
    }

    @Test
    @Order(4)
    void theStandbyStopsAndStartsAgainAndCatchesUp() throws Exception {
        execute(PG.primary(), "create table while_down (id int primary key)");
        int port = PG.standby().port();
        PG.stopStandby();
        assertThat(PG.isStandbyRunning()).isFalse();
        assertThatThrownBy(() -> ReplicatedPostgres.isInRecovery(PG.standbyUrl()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PG.standbyUrl());
        execute(PG.primary(), "insert into while_down values (1)");
        PG.startStandby();
        assertThat(PG.standby().port()).isEqualTo(port);
        assertThat(ReplicatedPostgres.isInRecovery(PG.standbyUrl())).isTrue();
        PG.awaitCaughtUp();
        assertThat(count(PG.standby(), "select count(*) from while_down")).isEqualTo(1);
    }

    @Test
    void lsnsReadAndCompareInLogOrder() {
        assertThat(Lsn.parse("0/3000148").toString()).isEqualTo("0/3000148");
        assertThat(Lsn.parse("16/B374D848")).isGreaterThan(Lsn.parse("2/FFFFFFFF"));
        assertThat(Lsn.parse("FFFFFFFF/0")).isGreaterThan(Lsn.parse("0/1"));
        assertThatThrownBy(() -> Lsn.parse("3000148")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two hexadecimal numbers");
    }

    static void execute(ThrowawayPostgres server, String sql) throws SQLException {
        try (Connection c = server.openJdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(ThrowawayPostgres server, String sql) throws SQLException {
        try (Connection c = server.openJdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
