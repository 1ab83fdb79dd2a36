package io.athanor.orm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.ConfigurationException;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void seedFormBecomesJdbcUrlWithCredentialsTakenOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://user:password@localhost/dbname");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/dbname");
        assertThat(url.user()).contains("user");
        assertThat(url.password()).contains("password");
        assertThat(url.toString()).doesNotContain("password");
    }

    @Test
    void portQueryAndDriverSuffixAreKept() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+psycopg2://app@db.example:6543/shop?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop?sslmode=require");
        assertThat(url.user()).contains("app");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void postgresAliasAndMissingHost() {
        assertThat(DatabaseUrl.parse("postgres:///app").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
    }

    @Test
    void percentEncodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("mariadb://bob:p%40ss%3Aw+rd@127.0.0.1:3306/test");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/test");
        assertThat(url.password()).contains("p@ss:w+rd");
    }

    @Test
    void mysqlSchemeUsesTheMariaDbDriver() {
        assertThat(DatabaseUrl.parse("mysql://root@h/db").jdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void ipv6Host() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5432/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void h2MemoryDatabaseStaysAliveWhileTheJvmRuns() {
        assertThat(DatabaseUrl.parse("h2:mem:app").jdbcUrl()).isEqualTo("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");
        assertThat(DatabaseUrl.parse("h2:mem:app;DB_CLOSE_DELAY=0").jdbcUrl()).isEqualTo("jdbc:h2:mem:app;DB_CLOSE_DELAY=0");
        assertThat(DatabaseUrl.parse("h2:file:./data/app").jdbcUrl()).isEqualTo("jdbc:h2:file:./data/app");
    }

    @Test
    void jdbcUrlPassesThroughWithUserAndPasswordParametersMovedOut() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&ssl=true&password=secret");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
        assertThat(url.user()).contains("u");
        assertThat(url.password()).contains("secret");
        assertThat(DatabaseUrl.parse("jdbc:h2:mem:x").jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void unknownSchemeSaysWhichFormsWork() {
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://scott:tiger@h/db"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown database URL scheme")
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("tiger");
    }

    @Test
    void emptyAndNamelessUrlsAreRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).isInstanceOf(ConfigurationException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> DatabaseUrl.parse("h2:mem:")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("needs a database name");
    }

    @Test
    void redactHidesPasswordsInAnyUrlForm() {
        assertThat(DatabaseUrl.redact("postgresql://u:secret@h/db and jdbc:x://h/db?password=secret&a=1"))
                .doesNotContain("secret").contains("u:***@h").contains("password=***&a=1");
    }

    @Test
    void portsAreCheckedAndPostgresNeedsADatabase() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p w@h:x1/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("port 'x1', which is not a number").hasMessageNotContaining("p w");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:0/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("port 0");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'postgresql://h/dbname'");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:5433/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://[::1]:5432/db").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(DatabaseUrl.parse("jdbc:postgresql:db").jdbcUrl()).isEqualTo("jdbc:postgresql:db");
        assertThat(DatabaseUrl.parse("mariadb://root@h").jdbcUrl()).isEqualTo("jdbc:mariadb://h");
        assertThat(DatabaseUrl.parse("jdbc:mariadb://address=(host=h)(port=3306)/db").jdbcUrl())
                .isEqualTo("jdbc:mariadb://address=(host=h)(port=3306)/db");
    }
}
