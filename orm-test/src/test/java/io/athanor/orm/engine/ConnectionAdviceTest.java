package io.athanor.orm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.ConnectionFailedException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A URL or connection setting that cannot work fails with a message naming what is wrong with it and how
 * to fix it, never with advice about an unreachable server that was never the problem.
 */
class ConnectionAdviceTest {

    private static AthanorException failure(String url) {
        return failure(Engine.builder(url));
    }

    private static AthanorException failure(EngineBuilder builder) {
        try {
            builder.poolSize(1).maxOverflow(0).build().close();
        } catch (AthanorException e) {
            return e;
        }
        throw new AssertionError("The engine was built");
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        for (String url : new String[] {"postgresql://u:secret-pw@127.0.0.1:54x2/test", "jdbc:postgresql://127.0.0.1:54x2/test",
                                        "mariadb://root:secret-pw@127.0.0.1:54x2/test", "jdbc:mariadb://127.0.0.1:54x2/test"}) {
            assertThat(failure(url)).as(url)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("port '54x2'")
                    .hasMessageContaining("not a number")
                    .hasMessageContaining("from 1 to 65535")
                    .hasMessageNotContaining("could not be reached")
                    .hasMessageNotContaining("secret-pw");
        }
        assertThat(failure("postgresql://127.0.0.1:70000/test"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("port 70000")
                .hasMessageContaining("from 1 to 65535");
    }

    @Test
    void aPostgresUrlWithoutADatabaseSaysToAddOne() {
        assertThat(failure("postgres://127.0.0.1:5433"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names no database")
                .hasMessageContaining("postgres://127.0.0.1:5433/dbname")
                .hasMessageNotContaining("No suitable driver")
                .hasMessageNotContaining("could not be reached");
        assertThat(failure("jdbc:postgresql://127.0.0.1:5433?sslmode=disable"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names no database")
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:5433/dbname?sslmode=disable");
    }

    @Test
    void anUnknownSslModeListsTheModes() {
        for (EngineBuilder builder : new EngineBuilder[] {
                Engine.builder("jdbc:postgresql://127.0.0.1:5432/test?sslmode=bogus"),
                Engine.builder("postgresql://u@127.0.0.1/test?sslmode=bogus"),
                Engine.builder("postgresql://u@127.0.0.1/test").connectionProperty("sslmode", "bogus")}) {
            assertThat(failure(builder))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("sslmode 'bogus'")
                    .hasMessageContaining("disable, allow, prefer, require, verify-ca, verify-full")
                    .hasMessageNotContaining("could not be reached");
        }
    }

    @Test
    void anUnknownHostIsNamed() {
        for (String url : new String[] {"postgresql://u:secret-pw@no-such-host.invalid/test",
                                        "mariadb://root:secret-pw@no-such-host.invalid/test"}) {
            assertThat(failure(url)).as(url)
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("host 'no-such-host.invalid' is unknown")
                    .hasMessageContaining("Check the host name")
                    .hasMessageNotContaining("could not be reached")
                    .hasMessageNotContaining("secret-pw");
        }
    }

    @Test
    void aUrlNoDriverAcceptsSaysSo() {
        assertThat(failure("jdbc:nosuchdb://127.0.0.1/test"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("No JDBC driver")
                .hasMessageContaining("class path")
                .hasMessageNotContaining("could not be reached");
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aSettingTheDriverRefusesIsNamedWithTheDriversWords(TestDatabase db) {
        assertThat(failure(db.engineBuilder().connectionProperty("targetServerType", "bogus")))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Invalid targetServerType value: bogus")
                .hasMessageContaining("refused a connection setting")
                .hasMessageNotContaining("could not be reached");
    }

    @Test
    void aRefusedPortStillSaysTheServerCouldNotBeReachedAndWhy() {
        assertThatThrownBy(() -> Engine.builder("postgresql://u@127.0.0.1:1/test").poolSize(1).maxOverflow(0).build())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("could not be reached")
                .hasMessageContaining("Connection refused");
    }
}
