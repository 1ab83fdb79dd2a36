package io.athanor.orm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineBuilderTest {

    @Test
    void seedSettingsFreezeIntoConfig() {
        EngineConfig c = Engine.builder("postgresql://user:password@localhost/dbname")
                .poolSize(20).maxOverflow(30).prePing(true).echo(false).freeze();
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/dbname");
        assertThat(c.user()).isEqualTo("user");
        assertThat(c.maxConnections()).isEqualTo(50);
        assertThat(c.prePing()).isTrue();
        assertThat(c.toString()).contains("poolSize=20").doesNotContain("password=password").contains("password=***");
    }

    @Test
    void explicitCredentialsWinOverTheUrl() {
        EngineConfig c = Engine.builder("postgresql://a:b@h/db").user("x").password("y").freeze();
        assertThat(c.user()).isEqualTo("x");
        assertThat(c.password()).isEqualTo("y");
    }

    @Test
    void outOfRangeSettingsNameTheSettingAndTheRange() {
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolSize(0).freeze())
                .isInstanceOf(ConfigurationException.class).hasMessage("poolSize must be 1 or more; it was 0.");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").maxOverflow(-1).freeze())
                .hasMessageContaining("maxOverflow must be 0 or more; it was -1");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolTimeout(Duration.ofMillis(10)).freeze())
                .hasMessageContaining("poolTimeout must be at least 250 ms; it was 10 ms");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").poolRecycle(Duration.ofSeconds(5)).freeze())
                .hasMessageContaining("poolRecycle must be at least 30 s (or Duration.ZERO to turn it off)");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").overflowIdleTimeout(Duration.ofSeconds(1)).freeze())
                .hasMessageContaining("overflowIdleTimeout must be at least 10 s");
        assertThatThrownBy(() -> Engine.builder("h2:mem:x").overflowIdleTimeout(Duration.ofMinutes(40)).freeze())
                .hasMessageContaining("must be shorter than poolRecycle");
        assertThatThrownBy(() -> Engine.builder("sqlite://x").freeze()).hasMessageContaining("Unknown database URL scheme");
    }

    @Test
    void poolSettingsOnASuppliedDataSourceAreRefused() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        assertThatThrownBy(() -> Engine.builder(ds).poolSize(3).freeze())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("poolSize configure Athanor's built-in pool");
    }

    @Test
    void resetInBackgroundIsOffByDefaultAndAPoolSetting() {
        assertThat(Engine.builder("h2:mem:x").freeze().resetInBackground()).isFalse();
        EngineConfig on = Engine.builder("h2:mem:x").resetInBackground(true).freeze();
        assertThat(on.resetInBackground()).isTrue();
        assertThat(on.toString()).contains("resetInBackground=true");
        assertThatThrownBy(() -> Engine.builder(new org.h2.jdbcx.JdbcDataSource()).resetInBackground(false).freeze())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("resetInBackground configure Athanor's built-in pool");
    }

    @Test
    void hiddenParametersTellTheDriversToKeepValuesOutOfTheirMessages() {
        assertThat(Engine.builder("postgresql://h/db").hideParameters(true).freeze().connectionProperties())
                .containsEntry("logServerErrorDetail", "false");
        assertThat(Engine.builder("mariadb://h/db").hideParameters(true).freeze().connectionProperties())
                .containsEntry("dumpQueriesOnException", "false");
        assertThat(Engine.builder("h2:mem:x").hideParameters(true).freeze().connectionProperties()).isEmpty();
        assertThatThrownBy(() -> Engine.builder("jdbc:postgresql://h/db?logServerErrorDetail=true").hideParameters(true).freeze())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("logServerErrorDetail=false")
                .hasMessageContaining("in the URL");
        assertThatThrownBy(() -> Engine.builder("mariadb://h/db").connectionProperty("dumpQueriesOnException", "true")
                .hideParameters(true).freeze())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dumpQueriesOnException=true was given to connectionProperty");
    }
}
