package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.util.Map;

/**
 * On PostgreSQL the isolation level and read-only flag belong to each transaction and never to the server
 * session, which a transaction pooler would hand to other clients.
 */
class TransactionSettingsTest {

    private static String setting(Connection c, String name) {
        return c.execute(text("select current_setting(:name)"), Map.of("name", name)).scalar(String.class);
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void engineDefaultIsolationAppliesToEachTransactionAndLeavesTheServerSessionAlone(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).isolationLevel(IsolationLevel.SERIALIZABLE));
        for (int i = 0; i < 3; i++) {
            try (Connection c = engine.connect()) {
                assertThat(setting(c, "transaction_isolation")).isEqualTo("serializable");
                assertThat(setting(c, "default_transaction_isolation")).isEqualTo("read committed");
                c.commit();
                assertThat(setting(c, "transaction_isolation")).as("the next transaction too").isEqualTo("serializable");
            }
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aConnectionsLevelEndsWithItsCheckoutAndIsRefusedMidTransaction(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (Connection c = engine.connect()) {
            c.isolationLevel(IsolationLevel.REPEATABLE_READ);
            c.readOnly(true);
            assertThat(setting(c, "transaction_isolation")).isEqualTo("repeatable read");
            assertThat(setting(c, "transaction_read_only")).isEqualTo("on");
            assertThat(setting(c, "default_transaction_read_only")).isEqualTo("off");
            assertThatThrownBy(() -> c.isolationLevel(IsolationLevel.SERIALIZABLE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("middle of a transaction").hasMessageContaining("commit() or rollback() first");
            c.rollback();
            c.isolationLevel(IsolationLevel.SERIALIZABLE);
            assertThat(setting(c, "transaction_isolation")).isEqualTo("serializable");
        }
        try (Connection c = engine.connect()) {
            assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
            assertThat(setting(c, "transaction_isolation")).isEqualTo("read committed");
            assertThat(setting(c, "transaction_read_only")).isEqualTo("off");
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void savepointsAndRawJdbcStartTheTransactionAtItsLevel(TestDatabase db) throws Exception {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (Connection c = engine.connect()) {
            c.isolationLevel(IsolationLevel.SERIALIZABLE);
            c.savepoint();
            assertThat(setting(c, "transaction_isolation")).isEqualTo("serializable");
            c.rollback();
            c.isolationLevel(IsolationLevel.REPEATABLE_READ);
            try (java.sql.Statement s = c.jdbc().createStatement();
                 java.sql.ResultSet rs = s.executeQuery("select current_setting('transaction_isolation')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("repeatable read");
            }
        }
    }

    @DatabaseTest(DatabaseKind.MARIADB)
    void aSuppliedDataSourceGetsTheEnginesDefaultAndItsOwnLevelBack(TestDatabase db) {
        org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource();
        try {
            ds.setUrl(db.jdbcUrl());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Engine plain = Engine.builder(ds).build();
             Engine serializable = Engine.builder(ds).isolationLevel(IsolationLevel.SERIALIZABLE).build()) {
            try (Connection c = serializable.connect()) {
                assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
                assertThat(c.execute(text("select @@tx_isolation")).scalar(String.class)).isEqualTo("SERIALIZABLE");
            }
            try (Connection c = plain.connect()) {
                assertThat(c.isolationLevel()).isEqualTo(IsolationLevel.REPEATABLE_READ);
            }
        }
    }

    @DatabaseTest(DatabaseKind.MARIADB)
    void transactionPoolingIsRefusedForOtherDatabases(TestDatabase db) {
        assertThatThrownBy(() -> db.engineBuilder().transactionPooling(true).freeze())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is for PostgreSQL");
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void transactionPoolingTurnsServerSidePreparedStatementsOff(TestDatabase db) {
        EngineConfig config = db.engineBuilder().transactionPooling(true).freeze();
        assertThat(config.connectionProperties()).containsEntry("prepareThreshold", "0");
        assertThatThrownBy(() -> db.engineBuilder().transactionPooling(true).connectionProperty("prepareThreshold", "5").freeze())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("transactionPooling(true) needs the driver setting prepareThreshold=0");
        assertThatThrownBy(() -> db.engineBuilder().transactionPooling(true).connectionProperty("readOnlyMode", "always").freeze())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("readOnlyMode=always");
    }
}
