package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.examples.docs.sharding.AuditEntry;
import io.athanor.examples.model.shards.Sale;
import io.athanor.examples.model.shards.Store;
import io.athanor.examples.model.shards.Store_;
import io.athanor.orm.Binds;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.Shards;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sharding guide's examples, on in-memory H2 databases: per-entity engines and horizontal shards. */
class GuideShardingExamplesTest {
    private final Engine main = Engine.builder("h2:mem:guide_sharding_main").build();
    private final Engine audit = Engine.builder("h2:mem:guide_sharding_audit").build();
    private final Engine euEngine = Engine.builder("h2:mem:guide_sharding_eu").build();
    private final Engine usEngine = Engine.builder("h2:mem:guide_sharding_us").build();

    @AfterEach
    void close() {
        for (Engine e : List.of(main, audit, euEngine, usEngine)) {
            e.close();
        }
    }

    @Test
    void perEntityEngines() {
        // tag::per-entity-engines[]
        Binds binds = Binds.builder(main)
                .entity(AuditEntry.class, audit)               // audit_entries lives in the audit database
                .build();
        SessionFactory sessions = SessionFactory.builder(binds).entities(Store.class, Sale.class, AuditEntry.class).build();
        sessions.schema().createAll();                          // each table on its entity's engine

        sessions.runInTransaction(session -> {                  // one unit of work, two databases
            session.add(new Store(1, "Corner shop", "eu"));
            session.add(new AuditEntry("opened store 1"));
        });                                                     // commits main, then audit
        // end::per-entity-engines[]
        try (Session s = sessions.open()) {
            assertThat(s.select(AuditEntry.class).one().getAction()).isEqualTo("opened store 1");
            assertThatThrownBy(s::beginNested).isInstanceOf(AthanorException.class);
        }
        sessions.schema().dropAll();
    }

    @Test
    void horizontalShards() {
        // tag::shards-setup[]
        Shards shards = Shards.builder()
                .shard("eu", euEngine)
                .shard("us", usEngine)
                .shardChooser(instance -> ((Store) instance).getRegion())  // only parentless instances get here
                .identityChooser((type, id) -> List.of("eu", "us"))      // where get() looks, in order (the default)
                .queryChooser(query -> List.of("eu", "us"))              // where queries run (the default)
                .build();
        SessionFactory sessions = SessionFactory.builder(shards).entities(Store.class, Sale.class).build();
        sessions.schema().createAll();                                   // every table on every shard
        // end::shards-setup[]

        // tag::shards-use[]
        sessions.runInTransaction(session -> {
            Store paris = new Store(1, "Paris", "eu");
            paris.sell(30);                                   // a sale goes to its store's shard
            session.add(paris);
            Store boston = new Store(1, "Boston", "us");       // key 1 again: another shard, another row
            boston.sell(20);
            session.add(boston);
        });
        try (Session session = sessions.open()) {
            List<Store> stores = session.select(Store.class).orderBy(Store_.name).limit(10).list(); // both shards, merged
            Store boston = stores.get(0);
            String shard = session.shardOf(boston);                             // "us"
            Store paris = session.onShard("eu").get(Store.class, 1L);            // one named shard
            List<Sale> bostonSales = boston.getSales();                         // lazy, from boston's shard
            // end::shards-use[]
            assertThat(stores).extracting(Store::getName).containsExactly("Boston", "Paris");
            assertThat(shard).isEqualTo("us");
            assertThat(paris.getName()).isEqualTo("Paris");
            assertThat(bostonSales).extracting(Sale::getAmount).containsExactly(20);
        }
        sessions.schema().dropAll();
    }
}
