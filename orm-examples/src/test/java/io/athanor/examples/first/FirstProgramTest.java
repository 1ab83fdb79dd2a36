package io.athanor.examples.first;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The first program of docs/getting-started.md runs as printed, on embedded H2 and on PostgreSQL. */
class FirstProgramTest {

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            FirstProgram.main(args);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsOnEmbeddedH2WithoutArguments() {
        assertThat(run()).containsPattern("Saved book \\d+")
                .containsPattern("\\d+: Sketch of the Analytical Engine")
                .contains("1 book(s) in the table");
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void runsOnAServerGivenItsUrl(TestDatabase db) {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.server().user()
                + (db.server().password() == null ? "" : "&password=" + db.server().password());
        assertThat(run(url)).containsPattern("\\d+: Sketch of the Analytical Engine").contains("1 book(s) in the table");
    }
}
