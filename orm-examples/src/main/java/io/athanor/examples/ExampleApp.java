package io.athanor.examples;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The seed article, section by section, as a program: the engine and its pool, the mapping, relationship
 * loading, the seed's query functions, bulk updates, transactions, monitoring, and read-only, async and
 * materialized-view patterns. Each section is a class of its own; this one runs them in order.
 *
 * <p>Runs on embedded H2 by default. {@code -Ddb=postgres} uses the local PostgreSQL
 * ({@code postgresql://postgres@127.0.0.1:5432/test}), {@code -Ddb=mariadb} the local MariaDB, and
 * {@code -Ddb.url=...} any URL the engine accepts. The tables it creates are dropped at the end.
 */
public final class ExampleApp {
    private final Console console;

    /** An app that prints to {@code out}. */
    public ExampleApp(PrintStream out) {
        this.console = new Console(out);
    }

    /** Runs the app on the database chosen by {@code -Ddb} or {@code -Ddb.url} (embedded H2 by default). */
    public static void main(String[] args) {
        new ExampleApp(System.out).run(databaseUrl());
    }

    /** The URL chosen by the system properties {@code db.url} and {@code db}. */
    static String databaseUrl() {
        String url = System.getProperty("db.url");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String db = System.getProperty("db", "h2");
        switch (db) {
            case "h2":
                return "h2:mem:athanor_example";
            case "postgres":
            case "postgresql":
                return "postgresql://postgres@127.0.0.1:5432/test";
            case "mariadb":
                return "mariadb://root@127.0.0.1:3306/test";
            default:
                throw new IllegalArgumentException("Unknown -Ddb=" + db + "; use h2, postgres or mariadb, or -Ddb.url=<url>.");
        }
    }

    /** Runs every section in the seed's order on the database at {@code url}. */
    public void run(String url) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        try (Engine engine = new EngineSection(console).open(url)) {
            SessionFactory sessions = new MappingSection(console).open(engine, now);
            try {
                new LoadingSection(console, sessions).run();
                new QueriesSection(console, sessions).run(now);
                new BulkSection(console, sessions).run();
                new TransactionsSection(console, sessions).run(now);
                new MonitoringSection(console, sessions).run();
                new ScalingSection(console, sessions).run(now);
                new ReplicasSection(console, sessions).run(url);
            } finally {
                sessions.schema().dropAll();
            }
            console.heading("Done");
            console.line("Pool at the end: %s", engine.pool());
            console.line("Statement cache: %s", sessions.queryCacheStats());
        }
    }
}
