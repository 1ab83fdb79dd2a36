package io.athanor.examples;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.orm.Binds;
import io.athanor.orm.CommitPosition;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.examples.model.shards.Sale;
import io.athanor.examples.model.shards.Store;
import io.athanor.examples.model.shards.Store_;
import io.athanor.orm.Shards;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.EngineConfig;
import java.util.List;
import java.util.Optional;

/**
 * Section 9: beyond one server. A second engine stands in for a read replica (in production, a streaming
 * standby): read-only sessions go to it, writes to the primary, and on PostgreSQL a commit's position lets a
 * read-only session read its writes. docs/scaling.md has the figures measured on a real standby and PgBouncer.
 */
final class ReplicasSection {
    private final Console console;
    private final SessionFactory sessions;

    ReplicasSection(Console console, SessionFactory sessions) {
        this.console = console;
        this.sessions = sessions;
    }

    void run(String url) {
        console.heading("9. Beyond one server: PgBouncer, a read replica, read your writes, shards");
        pgBouncer();
        try (Engine replica = Engine.builder(url).name("replica").poolSize(2).maxOverflow(0).build()) {
            // tag::binds[]
            Binds binds = Binds.builder(sessions.engine())              // writes, DDL, sequences
                    .replica(replica)                                    // read-only sessions, in turn
                    .build();
            SessionFactory routed = SessionFactory.builder(binds)
                    .entities(User.class, Order.class, Article.class)
                    .build();
            // end::binds[]
            try (StatementLog onReplica = StatementLog.attach(replica);
                 StatementLog onPrimary = StatementLog.attach(sessions.engine())) {
                long users;
                try (Session session = routed.open(SessionOptions.readOnly())) {
                    users = session.select(User.class).list().size();
                }
                console.line("A read-only session read %d users: %d statement(s) on the replica, %d on the primary.", users,
                        onReplica.count(), onPrimary.count());
            }
            readYourWrites(routed);
        }
        shards();
    }

    private void pgBouncer() {
        // tag::transaction-pooling[]
        EngineConfig behindPgBouncer = Engine.builder("postgresql://app@pgbouncer.internal:6432/shop")
                .transactionPooling(true)                       // PgBouncer's pool_mode = transaction
                .freeze();                                      // the settings, checked, without connecting
        // end::transaction-pooling[]
        console.line("Behind PgBouncer: driver settings %s; isolation is set inside each transaction.",
                new java.util.TreeMap<>(behindPgBouncer.connectionProperties()));
    }

    private void shards() {
        try (Engine eu = Engine.builder("h2:mem:example_shard_eu").name("shard-eu").build();
             Engine us = Engine.builder("h2:mem:example_shard_us").name("shard-us").build()) {
            Shards shards = Shards.builder().shard("eu", eu).shard("us", us)
                    .shardChooser(instance -> ((Store) instance).getRegion())
                    .build();
            SessionFactory sharded = SessionFactory.builder(shards).entities(Store.class, Sale.class).build();
            sharded.schema().createAll();
            sharded.runInTransaction(session -> {
                Store paris = new Store(1, "Paris", "eu");
                paris.sell(30);                                  // the sale follows its store to "eu"
                session.add(paris);
                Store boston = new Store(1, "Boston", "us");      // key 1 again, in the other shard
                boston.sell(20);
                session.add(boston);
            });
            try (Session session = sharded.open()) {
                List<Store> stores = session.select(Store.class).orderBy(Store_.name).list();   // both shards, merged
                for (Store s : stores) {
                    console.line("Store %d %-7s in shard %s, sales %s", s.getId(), s.getName(), session.shardOf(s),
                            s.getSales().stream().map(Sale::getAmount).toList());
                }
            }
            sharded.schema().dropAll();
        }
    }

    private void readYourWrites(SessionFactory routed) {
        // tag::read-your-writes[]
        Optional<CommitPosition> position;
        try (Session session = routed.open()) {
            session.add(new User("Grace Hopper"));
            session.commit();
            position = session.commitPosition();                         // the primary's WAL position (PostgreSQL)
        }
        SessionOptions options = position.map(p -> SessionOptions.readOnly().after(p)).orElse(SessionOptions.readOnly());
        try (Session session = routed.open(options)) {                    // waits for a replica to replay it,
            long found = session.select(User.class).list().stream()       // or reads from the primary
                    .filter(u -> u.getName().equals("Grace Hopper")).count();
            console.line("Read right after the commit: %d new user found.", found);
        }
        // end::read-your-writes[]
        console.line("Commit position: %s.", position.map(p -> p + " (a replica serves once it has replayed this far)")
                .orElse("none here: positions come from a PostgreSQL primary with replicas"));
    }
}
