package io.athanor.orm.inheritance;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.InstantWire;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Refund;
import io.athanor.orm.model.inheritance.Refund_;
import io.athanor.orm.model.inheritance.Shop;
import io.athanor.orm.model.inheritance.Shop_;
import io.athanor.orm.model.inheritance.WirePayment;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * Relationships to the root of a single-table hierarchy load the right subclass through every strategy: a to-one
 * (lazy, joined, select-in, subquery) and a one-to-many whose collection holds mixed subclasses; and flush cascades
 * across the hierarchy.
 */
class PolymorphicLoadingTest {

    private static final List<String> EXPECTED = List.of("CardPayment:10:4111", "WirePayment:20:DE01", "InstantWire:30:DE02:sepa");

    private static void toOneLoads(Engine engine, Load option, int statements) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            var query = s.select(Refund.class).orderBy(Refund_.id);
            List<Refund> refunds = (option == null ? query : query.options(option)).list();
            List<String> payments = refunds.stream().map(r -> r.getPayment().describe()).toList();
            assertThat(payments).containsExactlyElementsOf(EXPECTED);
            assertThat(refunds.get(0).getPayment()).isExactlyInstanceOf(CardPayment.class);
            assertThat(refunds.get(2).getPayment()).isExactlyInstanceOf(InstantWire.class);
            assertThat(sql.count()).isEqualTo(statements);
            Payment wire = refunds.get(1).getPayment();
            assertThat(s.get(Payment.class, wire.getId())).as("one instance per key, keyed by the root").isSameAs(wire);
            assertThat(s.get(WirePayment.class, wire.getId())).isSameAs(wire);
            assertThat(sql.count()).isEqualTo(statements);
        }
    }

    @DatabaseTest
    void aLazyToOneToTheRootLoadsTheRightSubclassesWithItsOwners(Engine engine) {
        // a proxy of Payment could not become a CardPayment: the references load with one IN query instead
        toOneLoads(engine, lazyLoad(Refund_.payment), 2);
    }

    @DatabaseTest
    void aToOneToTheRootByDefaultLoadsTheRightSubclasses(Engine engine) {
        toOneLoads(engine, null, 2);
    }

    @DatabaseTest
    void aJoinedToOneToTheRootLoadsTheRightSubclassesInOneStatement(Engine engine) {
        toOneLoads(engine, joinedLoad(Refund_.payment), 1);
    }

    @DatabaseTest
    void aSelectinToOneToTheRootLoadsTheRightSubclasses(Engine engine) {
        toOneLoads(engine, selectinLoad(Refund_.payment), 2);
    }

    @DatabaseTest
    void aSubqueryToOneToTheRootLoadsTheRightSubclasses(Engine engine) {
        toOneLoads(engine, subqueryLoad(Refund_.payment), 2);
    }

    private static void collectionLoads(Engine engine, Load option, int statements) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            var query = s.select(Shop.class);
            Shop shop = (option == null ? query : query.options(option)).one();
            assertThat(shop.getPayments().stream().map(Payment::describe).toList()).containsExactlyElementsOf(EXPECTED);
            assertThat(sql.count()).isEqualTo(statements);
            assertThat(shop.getPayments()).allSatisfy(p -> assertThat(p.getShop()).isSameAs(shop));
            assertThat(s.select(Payment.class).list()).as("the same instances").containsExactlyInAnyOrderElementsOf(
                    shop.getPayments());
        }
    }

    @DatabaseTest
    void aLazyCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, null, 2);
    }

    @DatabaseTest
    void aJoinedCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, joinedLoad(Shop_.payments), 1);
    }

    @DatabaseTest
    void aSelectinCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, selectinLoad(Shop_.payments), 2);
    }

    @DatabaseTest
    void aSubqueryCollectionOfTheRootHoldsMixedSubclasses(Engine engine) {
        collectionLoads(engine, subqueryLoad(Shop_.payments), 2);
    }

    @DatabaseTest
    void aCascadeInsertsAndDeletesMixedSubclassesThroughTheCollection(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        Long shopId = f.inTransaction(s -> {
            Shop shop = new Shop("south");
            shop.getPayments().add(new CardPayment(5, shop, "3700"));
            shop.getPayments().add(new InstantWire(6, shop, "FR01", "tips"));
            s.add(shop);
            s.flush();
            return shop.getId();
        });
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount FROM inh_payment ORDER BY amount")).containsExactly(
                List.of("card", 5L), List.of("instant", 6L));
        f.runInTransaction(s -> {
            Shop shop = s.get(Shop.class, shopId);
            assertThat(Athanor.isLoaded(shop, Shop_.payments)).isFalse();
            s.delete(shop);
        });
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM inh_payment")).containsExactly(List.of(0L));
        assertThat(InheritanceFixture.rows(f, "SELECT COUNT(*) FROM inh_shop")).containsExactly(List.of(0L));
    }
}
