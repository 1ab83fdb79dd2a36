package io.athanor.orm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Purchase_;
import io.athanor.orm.test.DatabaseTest;
import java.util.stream.Collectors;

/**
 * Entities that are not enhanced: the collections a session hands out, and those of instances given to
 * {@code add}, keep both sides in step; setting a to-one field is seen when the instance is added.
 */
class PlainEntitiesSyncTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Customer.class, Purchase.class,
                io.athanor.orm.model.loading.Line.class, io.athanor.orm.model.loading.Note.class).nPlusOne(NPlusOne.OFF).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            for (String name : new String[] {"ada", "bob"}) {
                Customer c = new Customer(name);
                s.add(c);
                s.add(c.buy(name + "-1", 1));
            }
        });
        assertThat(EntityEnhancer.isEnhanced(Customer.class)).isFalse();
        return f;
    }

    private static String purchases(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(Purchase.class).orderBy(Purchase_.item).list().stream()
                    .map(p -> p.getItem() + "@" + p.getCustomer().getName()).collect(Collectors.joining(","));
        }
    }

    @DatabaseTest
    void addingToALoadedCollectionSetsTheChildsParent(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Customer ada = s.select(Customer.class).where(Customer_.name.eq("ada")).one();
            Purchase p = new Purchase("ada-2", 2, null);
            ada.getPurchases().add(p);
            assertThat(p.getCustomer()).isSameAs(ada);
            s.add(p);
        });
        assertThat(purchases(f)).isEqualTo("ada-1@ada,ada-2@ada,bob-1@bob");
    }

    @DatabaseTest
    void addingALoadedChildToAnotherLoadedCollectionMovesIt(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Customer ada = s.select(Customer.class).where(Customer_.name.eq("ada")).one();
            Customer bob = s.select(Customer.class).where(Customer_.name.eq("bob")).one();
            Purchase p = ada.getPurchases().get(0);
            bob.getPurchases().add(p);
            assertThat(p.getCustomer()).isSameAs(bob);
            assertThat(ada.getPurchases()).isEmpty();
        });
        assertThat(purchases(f)).isEqualTo("ada-1@bob,bob-1@bob");
    }

    @DatabaseTest
    void aNewParentsCollectionIsLinkedWhenAddedAndWatchedAfter(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Customer cy = new Customer("cy");
            Purchase first = new Purchase("cy-1", 1, null);
            cy.getPurchases().add(first);
            assertThat(first.getCustomer()).as("plain objects: nothing happens before the session sees them").isNull();
            s.add(cy);
            assertThat(first.getCustomer()).isSameAs(cy);
            Purchase second = new Purchase("cy-2", 2, null);
            cy.getPurchases().add(second);
            assertThat(second.getCustomer()).isSameAs(cy);
            s.add(first);
            s.add(second);
        });
        assertThat(purchases(f)).isEqualTo("ada-1@ada,bob-1@bob,cy-1@cy,cy-2@cy");
    }

    @DatabaseTest
    void aNewChildPointingAtALoadedParentJoinsItsCollectionWhenAdded(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Customer ada = s.select(Customer.class).where(Customer_.name.eq("ada")).one();
            Customer bob = s.select(Customer.class).where(Customer_.name.eq("bob")).one();
            assertThat(ada.getPurchases()).hasSize(1);
            Purchase toAda = new Purchase("ada-2", 2, ada);
            Purchase toBob = new Purchase("bob-2", 2, bob);
            s.add(toAda);
            s.add(toBob);
            assertThat(ada.getPurchases()).as("loaded collection").contains(toAda).hasSize(2);
            assertThat(bob.getPurchases()).as("unloaded: queued, then merged with what loads")
                    .extracting(Purchase::getItem).containsExactlyInAnyOrder("bob-1", "bob-2");
        });
        assertThat(purchases(f)).isEqualTo("ada-1@ada,ada-2@ada,bob-1@bob,bob-2@bob");
    }

    @DatabaseTest
    void listOperationsOnALoadedLazyListKeepTheChildrenInStep(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            Customer ada = s.select(Customer.class).where(Customer_.name.eq("ada")).one();
            java.util.List<Purchase> list = ada.getPurchases();
            Purchase first = list.get(0);
            Purchase second = new Purchase("ada-2", 2, null);
            Purchase third = new Purchase("ada-3", 3, null);

            list.add(0, second);
            assertThat(second.getCustomer()).isSameAs(ada);
            assertThat(list.set(1, third)).isSameAs(first);
            assertThat(first.getCustomer()).as("replaced").isNull();
            assertThat(third.getCustomer()).isSameAs(ada);

            java.util.ListIterator<Purchase> it = list.listIterator();
            it.next();
            it.remove();
            assertThat(second.getCustomer()).isNull();
            list.subList(0, 1).clear();
            assertThat(third.getCustomer()).isNull();
            assertThat(list).isEmpty();
            s.rollback();
        }
    }

    @DatabaseTest
    void loopingOverOneCollectionWhileMovingItsElementsMovesThemAll(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Customer ada = s.select(Customer.class).where(Customer_.name.eq("ada")).one();
            Customer bob = s.select(Customer.class).where(Customer_.name.eq("bob")).one();
            s.add(ada.buy("ada-2", 2));
            for (Purchase p : ada.getPurchases()) {
                bob.getPurchases().add(p);
            }
            assertThat(ada.getPurchases()).isEmpty();
            assertThat(bob.getPurchases()).hasSize(3);
        });
        assertThat(purchases(f)).isEqualTo("ada-1@bob,ada-2@bob,bob-1@bob");
    }

    @DatabaseTest
    void aDynamicRelationshipRefusesToBeSerialisedAndSaysWhy(Engine engine) throws Exception {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            Customer ada = s.select(Customer.class).where(Customer_.name.eq("ada")).one();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.io.ObjectOutputStream(
                    new java.io.ByteArrayOutputStream()).writeObject(ada.getNotes()))
                    .isInstanceOf(java.io.NotSerializableException.class)
                    .hasMessageContaining("Customer.notes is a dynamic relationship");
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(io.athanor.orm.DynamicCollection.of());
        }
        assertThat(bytes.size()).as("a new owner's pending collection holds elements and serialises").isPositive();
    }
}
