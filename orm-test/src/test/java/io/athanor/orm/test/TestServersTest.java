package io.athanor.orm.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestServersTest {

    @Test
    void aServerThatDoesNotAnswerFailsWithInstructionsInsteadOfBeingSkipped() {
        TestServer nowhere = new TestServer(DatabaseKind.POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/test", "postgres", null,
                "ATHANOR_TEST_POSTGRES_URL");
        assertThatThrownBy(() -> TestServers.check(nowhere, "ATHANOR_TEST_POSTGRES_URL"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The postgresql server for the tests does not answer")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("pg_ctlcluster")
                .hasMessageContaining("set ATHANOR_TEST_POSTGRES_URL")
                .hasMessageContaining("Testcontainers")
                .hasMessageContaining("Tests are not skipped");
        TestServer maria = new TestServer(DatabaseKind.MARIADB, "jdbc:mariadb://127.0.0.1:1/test", "root", null, "local default");
        assertThatThrownBy(() -> TestServers.check(maria, "ATHANOR_TEST_MARIADB_URL"))
                .hasMessageContaining("mariadbd").hasMessageContaining("ATHANOR_TEST_MARIADB_URL");
    }
}
