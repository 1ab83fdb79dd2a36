package io.athanor.examples;

import io.athanor.examples.model.User;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.engine.Text;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Section 7: the seed's {@code before_cursor_execute}/{@code after_cursor_execute} listeners reporting
 * slow queries, and the engine's built-in slow-query log; a deliberately slow query shows up in both.
 */
final class MonitoringSection {
    private static final Duration THRESHOLD = Duration.ofMillis(100);

    private final Console console;
    private final SessionFactory sessions;

    MonitoringSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run() {
        console.heading("7. Events and the slow-query log");
        Engine engine = sessions.engine();
        // tag::events[]
        AtomicInteger sent = new AtomicInteger();
        Registration before = engine.events().beforeExecute(e -> sent.incrementAndGet());
        Registration after = engine.events().afterExecute(e -> {
            if (e.elapsed().compareTo(THRESHOLD) > 0) {                      // if total > 0.1
                console.line("Slow query detected: %s (took %.3fs)",
                        Console.shorten(e.sql(), 60), e.elapsed().toNanos() / 1e9);
            }
        });
        // end::events[]
        // tag::slow-query-log[]
        Registration slowLog = engine.events().slowQueryLog(THRESHOLD);     // WARN on io.athanor.orm.sql.slow
        // end::slow-query-log[]
        try {
            console.line("Listening: statements slower than %d ms are reported.", THRESHOLD.toMillis());
            try (Session session = sessions.open()) {
                session.select(User.class).list();
                long n = session.execute(slowQuery(), Params.of("n", 300_000)).scalar(Long.class);
                console.line("The slow query returned %d.", n);
            }
        } finally {
            // tag::remove-listeners[]
            after.remove();
            before.remove();
            // end::remove-listeners[]
            slowLog.remove();
        }
        console.line("Statements sent while listening: %d", sent.get());
    }

    /** A query that takes a few hundred milliseconds on purpose, in the database's own words. */
    private Text slowQuery() {
        String db = sessions.dialect().name().toLowerCase(Locale.ROOT);
        if (db.contains("postgres")) {
            return Text.text("select count(*) from pg_sleep(0.3), generate_series(1, :n)");
        }
        if (db.contains("maria") || db.contains("mysql")) {
            return Text.text("select count(*) * :n from (select sleep(0.3)) s");
        }
        return Text.text("with recursive n(i) as (select 1 union all select i + 1 from n where i < :n) select count(*) from n");
    }
}
