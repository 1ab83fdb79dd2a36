package io.athanor.orm.test;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.DatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The throwaway server: started, sessions listed and ended, restarted with its data, stopped, deleted. */
class ThrowawayPostgresTest {

    @Test
    void aServerOfItsOwnThatCanBeKilledRestartedAndThrownAway() throws Exception {
        Path directory;
        try (ThrowawayPostgres pg = ThrowawayPostgres.started()) {
            directory = pg.directory();
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres");
            assertThat(pg.port()).as("never the shared server's port").isNotEqualTo(5432);
            Engine engine = pg.newEngine(b -> b.poolSize(1).maxOverflow(0).prePing(true)
                    .connectionProperty("ApplicationName", "self-test"));
            engine.runInTransaction(c -> c.execute(text("create table kept (id int primary key)")));
            engine.runInTransaction(c -> c.execute(text("insert into kept values (1)")));
            try (java.sql.Connection jdbc = pg.openJdbc(); Statement s = jdbc.createStatement();
                 ResultSet rs = s.executeQuery("show fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
            }

            try (Connection c = engine.connect()) {
                int pid = c.execute(text("select pg_backend_pid()")).scalar(Integer.class);
                assertThat(pg.backends("self-test")).extracting(ThrowawayPostgres.Backend::pid).containsExactly(pid);
                assertThat(pg.terminate(pid)).isTrue();
                assertThat(pg.backends("self-test")).isEmpty();
                assertThatThrownBy(() -> c.execute(text("select 1"))).isInstanceOf(DatabaseException.class);
                assertThat(c.isBroken()).isTrue();
            }
            assertThat(pg.terminate(Integer.MAX_VALUE)).as("no such session").isFalse();

            int port = pg.port();
            pg.restart();
            assertThat(pg.port()).isEqualTo(port);
            assertThat(engine.<Long>inTransaction(c -> c.execute(text("select count(*) from kept")).scalar(Long.class))).isEqualTo(1L);

            pg.stop();
            assertThat(pg.isRunning()).isFalse();
            assertThatThrownBy(pg::backends).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
            pg.start();
            assertThat(engine.<Long>inTransaction(c -> c.execute(text("select count(*) from kept")).scalar(Long.class))).isEqualTo(1L);
            assertThat(pg.terminateAll()).as("the engine's one pooled session").isEqualTo(1);
        }
        assertThat(Files.exists(directory)).as("the directory is deleted on close").isFalse();
    }

    @Test
    void withoutServerProgramsItFailsSayingHowToInstallThem() throws Exception {
        Path empty = Files.createTempDirectory("no-postgres-here");
        String before = System.getProperty(PostgresTools.BINDIR_PROPERTY);
        System.setProperty(PostgresTools.BINDIR_PROPERTY, empty.toString());
        try {
            ThrowawayPostgres pg = ThrowawayPostgres.builder().build();
            assertThatThrownBy(pg::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ATHANOR_TEST_PG_BINDIR")
                    .hasMessageContaining(empty.toString())
                    .hasMessageContaining("pg_config --bindir");
        } finally {
            if (before == null) {
                System.clearProperty(PostgresTools.BINDIR_PROPERTY);
            } else {
                System.setProperty(PostgresTools.BINDIR_PROPERTY, before);
            }
            Files.delete(empty);
        }
    }

    @Test
    void aServerNotStartedSaysHowToStartIt() {
        ThrowawayPostgres pg = ThrowawayPostgres.builder().setting("max_connections", "20").build();
        assertThatThrownBy(pg::jdbcUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("@RegisterExtension");
        assertThatThrownBy(() -> ThrowawayPostgres.builder().setting("x; drop", "1")).isInstanceOf(IllegalArgumentException.class);
        pg.close();
    }
}
