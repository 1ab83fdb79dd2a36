package io.athanor.orm.scaling;

import static io.athanor.orm.query.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.Shards;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.model.shards.Customer;
import io.athanor.orm.model.shards.Customer_;
import io.athanor.orm.model.shards.Purchase;
import io.athanor.orm.model.shards.Purchase_;
import io.athanor.orm.model.shards.Ticket;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;

/**
 * Horizontal shards over two real databases of one kind ("eu" is the test's database, "us" a second one):
 * placement by the shard chooser, children in their parent's shard, shard-carrying identity, cross-shard
 * relationships refused, queries merged across shards.
 */
class HorizontalShardsTest {
    private static final Map<DatabaseKind, TestDatabase> US = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, Engine> ENGINES = new EnumMap<>(DatabaseKind.class);

    @AfterAll
    static void close() {
        US.values().forEach(TestDatabase::close);
    }

    static synchronized Engine us(DatabaseKind kind) {
        return ENGINES.computeIfAbsent(kind, k -> US.computeIfAbsent(k, x -> TestDatabase.create(x, "shard_us"))
                .newEngine(b -> b.name("us").poolSize(2).maxOverflow(2)));
    }

    private static SessionFactory fresh(Engine eu, DatabaseKind kind) {
        return fresh(eu, kind, b -> b);
    }

    private static SessionFactory fresh(Engine eu, DatabaseKind kind, UnaryOperator<Shards.Builder> settings) {
        Shards shards = settings.apply(Shards.builder().shard("eu", eu).shard("us", us(kind))
                .shardChooser(instance -> ((Customer) instance).getRegion())).build();
        SessionFactory f = SessionFactory.builder(shards).entities(Customer.class, Purchase.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static void customers(SessionFactory sessions, Customer... customers) {
        sessions.runInTransaction(s -> {
            for (Customer c : customers) {
                s.add(c);
            }
        });
    }

    @DatabaseTest
    void newInstancesGoToTheirShardAndChildrenFollowTheirParent(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        Customer ada = new Customer(1, "ada", "eu");
        Customer bob = new Customer(2, "bob", "us");
        Purchase book = new Purchase("book", 12);
        book.setCustomer(ada);
        ada.getPurchases().add(book);                              // cascade, and a to-one: the parent's shard
        Purchase pen = new Purchase("pen", 2);
        bob.getPurchases().add(pen);                               // in the collection only: still the parent's shard
        try (Session s = sessions.open()) {
            s.add(ada);
            s.add(bob);
            s.commit();
            assertThat(s.shardOf(ada)).isEqualTo("eu");
            assertThat(s.shardOf(book)).isEqualTo("eu");
            assertThat(s.shardOf(bob)).isEqualTo("us");
            assertThat(s.shardOf(pen)).isEqualTo("us");
        }
        assertThat(PerEntityEnginesTest.count(eu, "customers")).isOne();
        assertThat(PerEntityEnginesTest.count(eu, "purchases")).isOne();
        assertThat(PerEntityEnginesTest.count(us(kind), "customers")).isOne();
        assertThat(PerEntityEnginesTest.count(us(kind), "purchases")).isOne();
        try (Session s = sessions.open()) {
            Purchase loaded = s.onShard("us").select(Purchase.class).one();
            assertThat(loaded.getProduct()).isEqualTo("pen");
            assertThat(loaded.getCustomer().getName()).isEqualTo("bob");
        }
    }

    @DatabaseTest
    void equalKeysInTwoShardsAreTwoInstances(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        Customer euOne = new Customer(1, "ada", "eu");
        euOne.getPurchases().add(new Purchase("eu-book", 5));
        Customer usOne = new Customer(1, "al", "us");
        usOne.getPurchases().add(new Purchase("us-pen", 3));
        customers(sessions, euOne, usOne);
        try (Session s = sessions.open()) {
            List<Customer> ones = s.select(Customer.class).where(Customer_.id.eq(1L)).list();
            assertThat(ones).hasSize(2).extracting(Customer::getName).containsExactly("ada", "al");
            assertThat(ones.get(0)).isNotSameAs(ones.get(1));
            assertThat(ones).extracting(s::shardOf).containsExactly("eu", "us");
            assertThat(s.get(Customer.class, 1L)).isSameAs(ones.get(0));                 // the identity chooser's order
            assertThat(s.onShard("us").get(Customer.class, 1L)).isSameAs(ones.get(1));
            // lazy loads read from the owner's shard: each customer 1 has its own purchases
            assertThat(ones.get(0).getPurchases()).extracting(Purchase::getProduct).containsExactly("eu-book");
            assertThat(ones.get(1).getPurchases()).extracting(Purchase::getProduct).containsExactly("us-pen");
            Purchase pen = s.onShard("us").select(Purchase.class).one();
            assertThat(pen.getCustomer()).isSameAs(ones.get(1));
        }
    }

    @DatabaseTest
    void aRelationshipAcrossShardsIsRefusedBeforeAnySql(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        Customer usOne = new Customer(1, "al", "us");
        usOne.getPurchases().add(new Purchase("us-pen", 3));
        customers(sessions, new Customer(1, "ada", "eu"), usOne);
        try (Session s = sessions.open();
             SqlRecorder onEu = SqlRecorder.attach(eu); SqlRecorder onUs = SqlRecorder.attach(us(kind))) {
            Customer ada = s.onShard("eu").get(Customer.class, 1L);
            Purchase pen = s.onShard("us").select(Purchase.class).one();
            onEu.clear();
            onUs.clear();
            pen.setCustomer(ada);                                 // the hand-made split's silent mistake
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("shard 'us'").hasMessageContaining("shard 'eu'")
                    .hasMessageContaining("cannot cross shards").hasMessageContaining("Nothing was written");
            assertThat(onEu.sql()).isEmpty();
            assertThat(onUs.sql()).isEmpty();
            s.rollback();
        }
        try (Session s = sessions.open()) {
            Purchase pen = s.onShard("us").select(Purchase.class).one();
            assertThat(pen.getCustomer().getName()).isEqualTo("al");
        }
    }

    @DatabaseTest
    void aNewChildOfALoadedParentGoesToThatParentsShard(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        customers(sessions, new Customer(1, "ada", "eu"), new Customer(2, "bob", "us"));
        try (Session s = sessions.open()) {
            Customer bob = s.get(Customer.class, 2L);
            Purchase pen = new Purchase("pen", 2);
            pen.setCustomer(bob);
            bob.getPurchases().add(pen);
            s.commit();
            assertThat(s.shardOf(pen)).isEqualTo("us");
        }
        assertThat(PerEntityEnginesTest.count(us(kind), "purchases")).isOne();
        assertThat(PerEntityEnginesTest.count(eu, "purchases")).isZero();
    }

    @DatabaseTest
    void orderByLimitAndOffsetAreMergedAcrossShards(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        customers(sessions, new Customer(1, "carl", "eu"), new Customer(2, "ada", "us"), new Customer(3, "eve", "eu"),
                new Customer(4, "bob", "us"), new Customer(5, "dan", "us"), new Customer(6, "fay", "eu"));
        try (Session s = sessions.open()) {
            assertThat(s.select(Customer.class).orderBy(Customer_.name).list()).extracting(Customer::getName)
                    .containsExactly("ada", "bob", "carl", "dan", "eve", "fay");
            assertThat(s.select(Customer.class).orderBy(Customer_.name).limit(3).offset(1).list())
                    .extracting(Customer::getName).containsExactly("bob", "carl", "dan");
            assertThat(s.select(Customer.class).orderBy(Customer_.id.desc()).limit(2).list())
                    .extracting(Customer::getId).containsExactly(6L, 5L);
            List<Row> rows = s.select(Customer_.name, Customer_.region).orderBy(Customer_.name.desc()).limit(2).list();
            assertThat(rows).extracting(r -> r.get(0)).containsExactly("fay", "eve");
            assertThat(s.select(Customer.class).limit(4).list()).hasSize(4);
        }
    }

    @DatabaseTest
    void whatCannotBeMergedIsRefusedAndRunsOnOneShard(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        customers(sessions, new Customer(1, "ada", "eu"), new Customer(2, "bob", "us"), new Customer(3, "cy", "us"));
        try (Session s = sessions.open()) {
            assertThatThrownBy(() -> s.select(count()).from(Customer.class).list()).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("the aggregate COUNT(...)").hasMessageContaining("session.onShard(name)");
            assertThatThrownBy(() -> s.select(Customer_.region).groupBy(Customer_.region).list())
                    .hasMessageContaining("GROUP BY");
            assertThat(s.onShard("us").select(count()).from(Customer.class).one().get(0, Number.class).intValue()).isEqualTo(2);
            assertThatThrownBy(() -> s.onShard("asia")).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("no shard named 'asia'");
            assertThatThrownBy(() -> s.execute(io.athanor.orm.engine.Text.text("SELECT 1"), Map.of()))
                    .hasMessageContaining("session.onShard(name)");
        }
    }

    @DatabaseTest
    void theQueryAndIdentityChoosersNarrowWhereStatementsRun(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind, b -> b
                .queryChooser(q -> List.of("us"))
                .identityChooser((type, id) -> ((Long) id) % 2 == 0 ? List.of("us") : List.of("eu")));
        customers(sessions, new Customer(1, "ada", "eu"), new Customer(2, "bob", "us"), new Customer(3, "eve", "eu"));
        try (Session s = sessions.open(); SqlRecorder onEu = SqlRecorder.attach(eu)) {
            assertThat(s.select(Customer.class).list()).extracting(Customer::getName).containsExactly("bob");
            assertThat(onEu.sql()).isEmpty();
            assertThat(s.get(Customer.class, 3L).getName()).isEqualTo("eve");
            assertThat(s.get(Customer.class, 4L)).isNull();
        }
    }

    @DatabaseTest(DatabaseKind.H2)
    void identityKeysOnAShardedEntityAreRefusedAtBuild(Engine eu, DatabaseKind kind) {
        Shards shards = Shards.builder().shard("eu", eu).shard("us", us(kind)).shardChooser(i -> "eu").build();
        assertThatThrownBy(() -> SessionFactory.builder(shards).entities(Ticket.class).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Ticket.id is an IDENTITY key").hasMessageContaining("UUID");
        assertThatThrownBy(() -> Shards.builder().shard("eu", eu).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shardChooser");
    }

    @DatabaseTest(DatabaseKind.H2)
    void aShardChooserAnswerThatIsNoShardIsRefused(Engine eu, DatabaseKind kind) {
        SessionFactory sessions = fresh(eu, kind);
        try (Session s = sessions.open()) {
            s.add(new Customer(9, "zed", "mars"));
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("The shard chooser gave 'mars'").hasMessageContaining("[eu, us]");
        }
    }
}
