package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.PoolStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A DataSource the application supplied; its pool, if any, is its own business. */
final class DataSourceSource implements ConnectionSource {
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceSource.class);

    private final DataSource dataSource;
    /** Connections whose autocommit we turned off, to turn it back on before they go back. */
    private final Map<Connection, Boolean> switchedAutocommit = Collections.synchronizedMap(new WeakHashMap<>());

    DataSourceSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() throws SQLException {
        Connection c = dataSource.getConnection();
        if (c.getAutoCommit()) {
            c.setAutoCommit(false);
            switchedAutocommit.put(c, Boolean.TRUE);
        }
        return c;
    }

    @Override
    public void release(Connection connection) throws SQLException {
        try {
            if (switchedAutocommit.remove(connection) != null) {
                connection.setAutoCommit(true);
            }
        } finally {
            connection.close();
        }
    }

    @Override
    public void discard(Connection connection) {
        switchedAutocommit.remove(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a dead connection failed", e);
        }
    }

    @Override
    public PoolStatus status() {
        return PoolStatus.UNKNOWN;
    }

    @Override
    public void close() {
        // The application owns the DataSource and closes it.
    }
}
