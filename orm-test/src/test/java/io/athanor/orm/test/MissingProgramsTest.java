package io.athanor.orm.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the programs a bed needs, starting it fails naming the package to install, and starts nothing. */
class MissingProgramsTest {

    @Test
    void withoutPostgresServerProgramsTheReplicatedPairNamesThePackage(@TempDir Path empty) {
        withProperty(PostgresTools.BINDIR_PROPERTY, empty.toString(), () -> {
            try (ReplicatedPostgres pair = ReplicatedPostgres.create()) {
                assertThatThrownBy(pair::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining(empty.toString())
                        .hasMessageContaining("apt-get install postgresql");
                assertThat(pair.primary().isRunning()).isFalse();
            }
        });
    }

    @Test
    void withoutPgBasebackupTheReplicatedPairNamesTheClientPackageBeforeStartingAnything(@TempDir Path bin) throws Exception {
        Path real = PostgresTools.findBinDir();
        for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
            Files.createSymbolicLink(bin.resolve(program), real.resolve(program));
        }
        withProperty(PostgresTools.BINDIR_PROPERTY, bin.toString(), () -> {
            try (ReplicatedPostgres pair = ReplicatedPostgres.create()) {
                assertThatThrownBy(pair::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("pg_basebackup")
                        .hasMessageContaining("apt-get install postgresql-client");
                assertThat(pair.primary().isRunning()).isFalse();
            }
        });
    }

    @Test
    void withoutPgBouncerTheBedNamesThePackageBeforeStartingAnything() {
        withProperty(ThrowawayPgBouncer.PROGRAM_PROPERTY, "/nonexistent/pgbouncer", () -> {
            try (ScalingBed bed = ScalingBed.builder().build()) {
                assertThatThrownBy(bed::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("apt-get install pgbouncer")
                        .hasMessageContaining(ThrowawayPgBouncer.PROGRAM_ENV);
                assertThat(bed.primary().isRunning()).isFalse();
            }
        });
    }

    private static void withProperty(String name, String value, Runnable body) {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }
}
