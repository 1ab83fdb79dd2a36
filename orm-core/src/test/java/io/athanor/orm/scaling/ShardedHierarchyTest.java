package io.athanor.orm.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.Shards;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritlinks.Account;
import io.athanor.orm.model.inheritlinks.Account_;
import io.athanor.orm.model.inheritlinks.Checking;
import io.athanor.orm.model.inheritlinks.Savings;
import io.athanor.orm.model.inheritlinks.Savings_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * A single-table hierarchy over two shards ("eu" the test's database, "us" a second one of the same kind): rows of
 * every class placed by the shard chooser with their discriminator, polymorphic queries merged across shards, each
 * row as its own class, and equal keys of different classes in two shards kept apart.
 */
class ShardedHierarchyTest {
    private static final Map<DatabaseKind, TestDatabase> US = new EnumMap<>(DatabaseKind.class);
    private static final Map<DatabaseKind, Engine> ENGINES = new EnumMap<>(DatabaseKind.class);

    @AfterAll
    static void close() {
        US.values().forEach(TestDatabase::close);
    }

    private static synchronized Engine us(DatabaseKind kind) {
        return ENGINES.computeIfAbsent(kind, k -> US.computeIfAbsent(k, x -> TestDatabase.create(x, "hier_shard_us"))
                .newEngine(b -> b.name("hier-us").poolSize(2).maxOverflow(2)));
    }

    private static SessionFactory fresh(Engine eu, DatabaseKind kind) {
        Shards shards = Shards.builder().shard("eu", eu).shard("us", us(kind))
                .shardChooser(instance -> ((Account) instance).getRegion()).build();
        SessionFactory f = SessionFactory.builder(shards).entities(Account.class, Savings.class, Checking.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> s.addAll(List.of(new Savings(1, "eu", 100, 15), new Checking(2, "us", 200, 50),
                new Savings(3, "us", 300, 20), new Checking(4, "eu", 400, 0))));
        return f;
    }

    private static List<String> described(List<? extends Account> accounts) {
        return accounts.stream().map(Account::describe).toList();
    }

    @DatabaseTest
    void eachRowGoesToItsShardWithItsDiscriminator(Engine eu, DatabaseKind kind) {
        fresh(eu, kind);
        assertThat(PerEntityEnginesTest.count(eu, "il_account")).isEqualTo(2L);
        assertThat(PerEntityEnginesTest.count(us(kind), "il_account")).isEqualTo(2L);
        try (var c = us(kind).connect()) {
            assertThat(c.execute(io.athanor.orm.engine.Text.text("SELECT kind FROM il_account ORDER BY id")).rows())
                    .extracting(r -> r.get(0)).containsExactly("checking", "savings");
        }
    }

    @DatabaseTest
    void aPolymorphicQueryIsMergedAcrossShardsWithEachRowAsItsClass(Engine eu, DatabaseKind kind) {
        SessionFactory f = fresh(eu, kind);
        try (Session s = f.open()) {
            List<Account> all = s.select(Account.class).orderBy(Account_.balance).list();
            assertThat(described(all)).containsExactly("Savings:1:eu:100:15", "Checking:2:us:200:50",
                    "Savings:3:us:300:20", "Checking:4:eu:400:0");
            assertThat(all).extracting(s::shardOf).containsExactly("eu", "us", "us", "eu");
            assertThat(described(s.select(Savings.class).orderBy(Savings_.balance.desc()).list()))
                    .as("a subclass's query keeps its rows on every shard").containsExactly("Savings:3:us:300:20", "Savings:1:eu:100:15");
            assertThat(s.select(Account.class).orderBy(Account_.id).limit(2).offset(1).list()).extracting(Account::getId)
                    .containsExactly(2L, 3L);
            assertThat(s.get(Account.class, 2L)).as("found on its shard, as its class").isInstanceOf(Checking.class)
                    .isSameAs(all.get(1));
            assertThat(s.get(Savings.class, 2L)).as("the row is not a savings account").isNull();
            assertThat(described(s.onShard("us").select(Account.class).orderBy(Account_.id).list()))
                    .containsExactly("Checking:2:us:200:50", "Savings:3:us:300:20");
        }
    }

    @DatabaseTest
    void updatesAndDeletesOfSubclassesGoToTheirRowsShard(Engine eu, DatabaseKind kind) {
        SessionFactory f = fresh(eu, kind);
        f.runInTransaction(s -> {
            List<Account> all = s.select(Account.class).orderBy(Account_.id).list();
            ((Checking) all.get(1)).setOverdraftLimit(75);
            all.get(2).setBalance(301);
            s.delete(all.get(3));
            s.add(new Savings(5, "us", 500, 30));
        });
        try (Session s = f.open()) {
            assertThat(described(s.select(Account.class).orderBy(Account_.id).list())).containsExactly(
                    "Savings:1:eu:100:15", "Checking:2:us:200:75", "Savings:3:us:301:20", "Savings:5:us:500:30");
        }
        assertThat(PerEntityEnginesTest.count(eu, "il_account")).isEqualTo(1L);
        assertThat(PerEntityEnginesTest.count(us(kind), "il_account")).isEqualTo(3L);
    }

    @DatabaseTest
    void equalKeysOfDifferentClassesInTwoShardsAreTwoInstances(Engine eu, DatabaseKind kind) {
        SessionFactory f = fresh(eu, kind);
        f.runInTransaction(s -> s.addAll(List.of(new Savings(9, "eu", 9, 1), new Checking(9, "us", 90, 10))));
        try (Session s = f.open()) {
            List<Account> nines = s.select(Account.class).where(Account_.id.eq(9L)).list();
            assertThat(described(nines)).containsExactlyInAnyOrder("Savings:9:eu:9:1", "Checking:9:us:90:10");
            assertThat(nines.get(0)).isNotSameAs(nines.get(1));
            assertThat(s.onShard("us").get(Account.class, 9L)).isInstanceOf(Checking.class);
            assertThat(s.onShard("eu").get(Account.class, 9L)).isInstanceOf(Savings.class);
            assertThat(s.select(Savings.class).where(Savings_.id.eq(9L)).list()).singleElement()
                    .satisfies(a -> assertThat(s.shardOf(a)).isEqualTo("eu"));
        }
    }
}
