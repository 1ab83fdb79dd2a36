package io.athanor.orm.dialect;

import io.athanor.orm.engine.DatabaseInfo;
import io.athanor.orm.error.ConfigurationException;
import java.util.Locale;

/** Picks the dialect for a database from what its driver reports. */
public final class Dialects {
    private Dialects() {
    }

    /**
     * The dialect for {@code database}.
     *
     * @throws ConfigurationException if the product is not one Athanor supports
     */
    public static Dialect detect(DatabaseInfo database) {
        String product = database.productName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return PostgresDialect.INSTANCE;
        }
        if (product.equals("h2")) {
            return H2Dialect.INSTANCE;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MariaDbDialect.INSTANCE;
        }
        throw new ConfigurationException("Athanor has no dialect for " + database.productName() + " "
                + database.productVersion() + ". Supported: PostgreSQL, MariaDB (and MySQL), H2.");
    }
}
