package io.athanor.orm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bed of the class's own: its standby may be stopped and started, and it is deleted after the class. */
class OwnScalingBedTest {
    // tag::own-bed[]
    @RegisterExtension                                    // this class's own: started before its tests, deleted after
    static final ScalingBed BED = ScalingBed.builder().pgBouncer(b -> b.defaultPoolSize(2)).build();
    // end::own-bed[]
    private static final List<Path> DIRECTORIES = new ArrayList<>();

    @Test
    void itsStandbyStopsAndStartsWhilePgBouncerKeepsServingThePrimary() {
        assertThat(BED.isShared()).isFalse();
        assertThat(BED).isNotSameAs(ScalingBed.shared());
        DIRECTORIES.addAll(List.of(BED.primary().directory(), BED.standby().directory(), BED.pgBouncer().directory()));
        // tag::stop-standby[]
        BED.stopStandby();                                                 // "replica down"
        assertThatThrownBy(() -> ReplicatedPostgres.isInRecovery(BED.standbyUrl())).isInstanceOf(IllegalStateException.class);
        assertThat(ReplicatedPostgres.isInRecovery(BED.pgBouncerUrl())).isFalse();
        BED.startStandby();
        assertThat(ReplicatedPostgres.isInRecovery(BED.standbyUrl())).isTrue();
        // end::stop-standby[]
        assertThat(BED.pgBouncer().pools()).allSatisfy(p -> assertThat(p.servers()).isLessThanOrEqualTo(2));
    }

    @AfterAll
    static void everyDirectoryIsDeletedAfterTheClass() {
        BED.close();                      // what the extension does next; closing twice does nothing
        assertThat(DIRECTORIES).hasSize(3).noneMatch(Files::exists);
    }
}
