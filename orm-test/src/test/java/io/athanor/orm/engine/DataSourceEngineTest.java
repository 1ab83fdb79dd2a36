package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

class DataSourceEngineTest {

    /** A DataSource that opens a new physical connection each time, as an application's own might. */
    private static DataSource plain(TestDatabase db) {
        return new DataSource() {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                return db.openJdbc();
            }

            @Override
            public java.sql.Connection getConnection(String user, String password) throws SQLException {
                return db.openJdbc();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    @DatabaseTest
    void anEngineOverASuppliedDataSourceRunsStatementsTransactionsAndEvents(TestDatabase db) {
        try (Engine engine = Engine.of(plain(db)); SqlRecorder sql = SqlRecorder.attach(engine)) {
            engine.runInTransaction(c -> c.execute(text("create table ds_items (id int primary key)")));
            engine.runInTransaction(c -> c.executeUpdate(text("insert into ds_items (id) values (:id)"), Params.of("id", 1)));
            try (Connection c = engine.connect()) {
                c.executeUpdate(text("insert into ds_items (id) values (2)"), Map.of());
            }
            try (Connection c = engine.connect()) {
                assertThat(c.execute(text("select id from ds_items")).column("id", Integer.class)).containsExactly(1);
            }
            assertThat(engine.pool().known()).isFalse();
            assertThat(engine.pool().toString()).contains("unknown");
            assertThat(sql.count()).isEqualTo(4);
        }
    }
}
