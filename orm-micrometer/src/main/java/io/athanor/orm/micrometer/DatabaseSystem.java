package io.athanor.orm.micrometer;

import io.athanor.orm.engine.Engine;
import java.util.Locale;

/** The OpenTelemetry {@code db.system} name of an engine's database. */
final class DatabaseSystem {
    private DatabaseSystem() {
    }

    /** Reads the product once from the engine (this may check out a connection). */
    static String of(Engine engine) {
        String product = engine.database().productName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgresql";
        }
        if (product.contains("mariadb")) {
            return "mariadb";
        }
        if (product.contains("mysql")) {
            return "mysql";
        }
        if (product.equals("h2")) {
            return "h2";
        }
        return product.replace(' ', '_');
    }
}
