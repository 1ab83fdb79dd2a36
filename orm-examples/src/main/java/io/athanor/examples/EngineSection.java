package io.athanor.examples;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.DatabaseInfo;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineConfig;
import io.athanor.orm.engine.PoolStatus;

/** Section 1: the seed's {@code create_engine(...)} with its production pool settings, and the pool's figures. */
final class EngineSection {
    private final Console console;

    EngineSection(Console console) {
        this.console = console;
    }

    /** Builds the engine the rest of the app uses; the caller closes it. */
    @SuppressWarnings("try") // the connection is checked out to show the pool busy; it is not used
    Engine open(String url) {
        console.heading("1. The Engine and its pool");
        // tag::engine[]
        Engine engine = Engine.builder(url)
                .poolSize(20)          // pool_size=20: connections kept open
                .maxOverflow(30)       // max_overflow=30: up to 30 more under load, closed again when idle
                .prePing(true)         // pool_pre_ping=True: check a connection is alive as it is handed out
                .echo(false)           // echo=False: do not log each statement
                .build();
        // end::engine[]
        DatabaseInfo db = engine.database();
        EngineConfig config = engine.config();
        console.line("Database      %s %s", db.productName(), db.productVersion());
        console.line("Target        %s", config.describeTarget());
        console.line("Settings      poolSize=%d, maxOverflow=%d, prePing=%s, echo=%s",
                config.poolSize(), config.maxOverflow(), config.prePing(), config.echo());
        console.line("");
        console.line("Pool figures (engine.pool()):");
        PoolStatus idle = engine.pool();
        PoolStatus busy;
        try (Connection c = engine.connect()) {
            busy = engine.pool();
        }
        console.table(java.util.List.of("moment", "active", "idle", "waiting", "max"), java.util.List.of(
                java.util.List.of("after build()", idle.active(), idle.idle(), idle.waiting(), idle.max()),
                java.util.List.of("one connection out", busy.active(), busy.idle(), busy.waiting(), busy.max())));
        console.line("max = poolSize + maxOverflow; idle connections are opened in the background, up to poolSize.");
        return engine;
    }
}
