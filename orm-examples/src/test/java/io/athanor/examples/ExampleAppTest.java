package io.athanor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this app; it must keep working on embedded H2. */
class ExampleAppTest {

    @Test
    void walksThroughTheEngineSectionOnEmbeddedH2() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new ExampleApp(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run("h2:mem:example_app_test");
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Database     H2")
                .contains("poolSize=20, maxOverflow=30, prePing=true, echo=false")
                .contains("Inserted 4 users in one batch")
                .containsPattern("2 +Alan Turing +1912\\.06")
                .contains("All 4 users are still there")
                .contains("rolled back")
                .contains("User 5 exists after the rollback: false")
                .containsPattern("1 +Ada Lovelace +2 +1855\\.50")
                .containsPattern("3 +Grace Hopper +0 +null")
                .contains("get_active_users_with_orders (orders in the last 30 days):\n  Ada Lovelace\n  Alan Turing\n")
                .containsPattern("create_user_with_orders: Ada Lovelace got id \\d+ from the flush")
                .contains("bulk_update_users: 1 row updated by mappings")
                .contains("Users with their orders (lazy=\"selectin\"): 2 statements for 3 users, not 4")
                .containsPattern("active=0, idle=\\d+, waiting=0, total=\\d+, max=50");
    }

    @Test
    void databaseSwitchPicksTheUrl() {
        assertThat(ExampleApp.databaseUrl()).isEqualTo("h2:mem:athanor_example");
    }
}
