package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.raiseLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.UnloadedRelationshipException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Album_;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Line;
import io.athanor.orm.model.loading.Line_;
import io.athanor.orm.model.loading.Note;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Purchase_;
import io.athanor.orm.model.loading.Track;
import io.athanor.orm.model.tracked.Account;
import io.athanor.orm.model.tracked.Account_;
import io.athanor.orm.model.tracked.Branch;
import io.athanor.orm.query.QueryCacheStats;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Loading at the edges: batches, several joins at once, overrides, streams, references in writes. */
class LoadingEdgeTest {

    @DatabaseTest
    void selectinSplitsLargeParentSetsIntoBatchesOfFiveHundred(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1_200, 1);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> all = s.select(Customer.class).options(selectinLoad(Customer_.purchases)).list();
            assertThat(all).hasSize(1_200).allSatisfy(c -> assertThat(c.getPurchases()).hasSize(1));
            assertThat(sql.count()).as("customers, then 500 + 500 + 200 keys").isEqualTo(4);
        }
    }

    @DatabaseTest
    void aToOneAndACollectionJoinInTheSameStatement(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 3, 2);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Purchase> purchases = s.select(Purchase.class).orderBy(Purchase_.id)
                    .options(joinedLoad(Purchase_.customer), joinedLoad(Purchase_.lines)).list();
            assertThat(purchases).hasSize(6);
            assertThat(purchases.get(0).getLines()).extracting(Line::getQuantity).containsExactly(1, 2);
            assertThat(purchases.get(1).getLines()).isEmpty();
            assertThat(purchases).allSatisfy(p -> assertThat(Athanor.isLoaded(p.getCustomer())).isTrue());
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void joinedLoadingKeepsTheQuerysOwnFilterAndJoins(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 4, 3);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> big = s.select(Customer.class).join(Purchase.class).where(Purchase_.amount.gt(200L))
                    .orderBy(Customer_.name).options(joinedLoad(Customer_.purchases)).list();
            assertThat(big).extracting(Customer::getName).containsExactly("c002", "c003");
            assertThat(big).allSatisfy(c -> assertThat(c.getPurchases()).hasSize(3));
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void aQueryOptionCanMakeAMappedJoinLazy(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        f.runInTransaction(s -> {
            Album a = new Album("only");
            s.add(a);
            s.add(new Track("t", 1, a));
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Album a = s.select(Album.class).options(lazyLoad(Album_.tracks)).one();
            assertThat(sql.sql().get(0)).doesNotContain("JOIN");
            assertThat(Athanor.isLoaded(a, Album_.tracks)).isFalse();
            assertThat(a.getTracks()).extracting(Track::getTitle).containsExactly("t");
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void raiseOnAToOneKeepsTheKeyUsable(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1, 1);
        try (Session s = f.open()) {
            Purchase p = s.select(Purchase.class).options(raiseLoad(Purchase_.customer)).one();
            assertThat(p.getCustomer().getId()).isNotNull();
            assertThatThrownBy(() -> p.getCustomer().getName()).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Purchase.customer");
            s.add(new Line(9, p));
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Line.class).where(Line_.quantity.eq(9)).one().getPurchase().getItem()).isEqualTo("item 00");
        }
    }

    @DatabaseTest
    void theSameOptionsCompileOnce(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 2, 1);
        try (Session s = f.open()) {
            s.select(Customer.class).options(joinedLoad(Customer_.purchases)).list();
            QueryCacheStats before = f.queryCacheStats();
            for (int i = 0; i < 5; i++) {
                s.select(Customer.class).options(joinedLoad(Customer_.purchases)).list();
            }
            QueryCacheStats after = f.queryCacheStats();
            assertThat(after.misses()).isEqualTo(before.misses());
            assertThat(after.hits() - before.hits()).isEqualTo(5);
        }
    }

    @DatabaseTest
    void streamsReadEntitiesWithoutLoadingTheirRelationships(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 3, 1);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<String> names;
            try (var stream = s.select(Customer.class).orderBy(Customer_.name).options(selectinLoad(Customer_.purchases))
                    .stream()) {
                names = stream.map(Customer::getName).collect(Collectors.toList());
            }
            assertThat(names).containsExactly("c000", "c001", "c002");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void unproxyAndDeleteLoadAReferenceFirst(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 2, 0);
        Long id = f.inTransaction(s -> s.select(Customer.class).where(Customer_.name.eq("c001")).one().getId());
        try (Session s = f.open()) {
            Customer ref = s.getReference(Customer.class, id);
            assertThat(Athanor.unproxy(ref)).isSameAs(ref);
            assertThat(Athanor.isLoaded(ref)).isTrue();
            assertThat(ref.getName()).isEqualTo("c001");
            Customer other = s.getReference(Customer.class,
                    s.select(Customer.class).where(Customer_.name.eq("c000")).one().getId());
            assertThat(Athanor.isLoaded(other)).as("the query loaded the instance the reference would have").isTrue();
            s.delete(ref);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Customer.class).list()).extracting(Customer::getName).containsExactly("c000");
        }
    }

    @DatabaseTest
    void aPendingDynamicCollectionKeepsItsElementsUntilTheOwnerIsSaved(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        Customer c = new Customer("new");
        c.getNotes().add(new Note("first"));
        assertThat(c.getNotes().count()).isEqualTo(1);
        assertThat(c.getNotes().list()).extracting(Note::getText).containsExactly("first");
        assertThatThrownBy(() -> c.getNotes().where(null)).hasMessageContaining("add the owner to a session first");
        f.runInTransaction(s -> s.add(c));
        try (Session s = f.open()) {
            assertThat(s.select(Customer.class).one().getNotes().list()).extracting(Note::getText).containsExactly("first");
        }
    }

    @DatabaseTest
    void aSingleRowQueryNeverCountsAsNPlusOne(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.FAIL);
        LoadingFixture.seed(f, 3, 1);
        try (Session s = f.open()) {
            for (String name : List.of("c000", "c001", "c002")) {
                assertThat(s.select(Customer.class).where(Customer_.name.eq(name)).one().getPurchases()).hasSize(1);
            }
        }
    }

    /**
     * A raising reference on a to-one that cascades PERSIST stands for a row that exists: a flush of its owner's change
     * neither adds it nor touches its row, in a read-write session and in a read-only one.
     */
    @DatabaseTest
    void aRaisingReferenceIsNoNewInstanceForACascade(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Branch.class,
                Account.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Account a = new Account("ann", BigDecimal.TEN);
            a.setBranch(new Branch("north"));
            s.add(a);
        });
        try (Session s = f.open()) {
            Account a = s.select(Account.class)
                    .options(raiseLoad(Account_.branch)).one();
            a.setOwner("bob");
            s.commit();
        }
        try (Session s = f.open(SessionOptions.readOnly())) {
            s.select(Account.class)
                    .options(raiseLoad(Account_.branch)).one();
            s.commit(); // nothing refused
        }
        try (Session s = f.open()) {
            Account a = s.select(Account.class).one();
            assertThat(a.getOwner()).isEqualTo("bob");
            assertThat(a.getBranch().getName()).as("the branch's row as it was").isEqualTo("north");
            assertThat(s.select(Branch.class).list()).hasSize(1);
        }
    }
}
