package io.athanor.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pool that JDBC, JDBI and Hibernate share in form: same size, filled at start, autocommit on. */
public final class Pools {
    private Pools() {
    }

    /** A new pool of {@link BenchSettings#POOL_SIZE} connections to the benchmark schema. */
    public static HikariDataSource hikari(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(BenchSettings.url());
        config.setUsername(BenchSettings.user());
        config.setPassword(BenchSettings.password());
        config.setMaximumPoolSize(BenchSettings.POOL_SIZE);
        config.setMinimumIdle(BenchSettings.POOL_SIZE);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
