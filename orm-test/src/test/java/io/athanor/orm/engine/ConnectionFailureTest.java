package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.ConnectionFailedException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {

    @DatabaseTest
    void aRefusedLoginSaysToCheckUserAndPasswordWithoutShowingThePassword(TestDatabase db) {
        db.engine().runInTransaction(c -> c.execute(text("select 1")));
        // PostgreSQL here trusts every known user, so an unknown user is what it refuses.
        String user = db.kind() == DatabaseKind.POSTGRESQL ? "no_such_user_x" : db.server().user();
        assertThatThrownBy(() -> db.engineBuilder().user(user).password("wrong-pw-123").poolSize(1).maxOverflow(0).build())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Could not connect to " + db.jdbcUrl())
                .hasMessageContaining("refused the login")
                .hasMessageContaining("Check the user and password")
                .hasMessageNotContaining("wrong-pw-123")
                .satisfies(e -> assertThat(((ConnectionFailedException) e).sqlState()).startsWith("28"));
    }

    @Test
    void anUnreachableHostSaysToCheckTheServerHostAndPort() {
        assertThatThrownBy(() -> Engine.builder("postgresql://u:secret-pw@127.0.0.1:1/test").poolSize(1).maxOverflow(0).build())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Could not connect to jdbc:postgresql://127.0.0.1:1/test as user 'u'")
                .hasMessageContaining("could not be reached")
                .hasMessageContaining("host and port")
                .hasMessageNotContaining("secret-pw");
        assertThatThrownBy(() -> Engine.builder("mariadb://root@127.0.0.1:1/test").poolSize(1).maxOverflow(0).build())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("could not be reached");
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aMissingDatabaseSaysToCreateItOrFixTheName(TestDatabase db) {
        String url = db.server().jdbcUrl();
        int slash = url.indexOf('/', url.indexOf("://") + 3);
        int q = url.indexOf('?');
        String missing = url.substring(0, slash) + "/no_such_database_x" + (q < 0 ? "" : url.substring(q));
        assertThatThrownBy(() -> Engine.builder(missing).user(db.server().user()).poolSize(1).maxOverflow(0).build())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("does not exist");
    }
}
