package io.athanor.orm.test;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.engine.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared bed: one per JVM, the standby in recovery, PgBouncer in front of the primary, protected from stopping. */
class ScalingBedTest {
    // tag::shared-bed[]
    @RegisterExtension                                    // started once per test run, stopped when the JVM exits
    static final ScalingBed BED = ScalingBed.shared();
    // end::shared-bed[]

    @Test
    void oneBedPerJvmWhoseStandbyIsInRecoveryAndWhosePgBouncerFrontsThePrimary() throws Exception {
        assertThat(ScalingBed.shared()).isSameAs(BED);
        assertThat(BED.isShared()).isTrue();
        assertThat(ReplicatedPostgres.isInRecovery(BED.standbyUrl())).isTrue();
        assertThat(ReplicatedPostgres.isInRecovery(BED.primaryUrl())).isFalse();
        assertThat(ReplicatedPostgres.isInRecovery(BED.pgBouncerUrl())).isFalse();
        try (Connection c = BED.pgBouncer().openJdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select inet_server_port()")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(BED.primary().port());
        }
    }

    @Test
    void enginesOnEachEndpointSeeTheSameData() {
        // tag::shared-bed-engines[]
        try (Engine primary = BED.primaryEngineBuilder().poolSize(1).build();
             Engine replica = BED.standbyEngineBuilder().poolSize(1).build();
             Engine bounced = BED.pgBouncerEngineBuilder().poolSize(1).connectionProperty("prepareThreshold", "0").build()) {
            primary.runInTransaction(c -> c.execute(text("create table scaling_bed_engines (id int primary key)")));
            bounced.runInTransaction(c -> c.execute(text("insert into scaling_bed_engines values (1)")));
            BED.replication().awaitReplayed(BED.replication().primaryLsn(), Duration.ofSeconds(30));
            long onReplica = replica.inTransaction(c -> c.execute(text("select count(*) from scaling_bed_engines")).scalar(Long.class));
            assertThat(onReplica).isEqualTo(1L);
        }
        // end::shared-bed-engines[]
    }

    @Test
    void theSharedBedCannotBeStoppedByOneClass() {
        assertThatThrownBy(BED::stopStandby).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ScalingBed.builder().build()");
        BED.close();
        assertThat(BED.replication().isStandbyRunning()).isTrue();
        assertThat(BED.pgBouncer().isRunning()).isTrue();
    }
}
