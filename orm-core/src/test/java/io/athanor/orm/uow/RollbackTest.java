package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Account;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.OrderLine;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;

/** Defect 4: after {@code rollback()} every instance the session keeps holds what the database holds. */
class RollbackTest {

    private static String nameInDatabase(SessionFactory f, long id) {
        try (Session s = f.open()) {
            return s.get(User.class, id).getName();
        }
    }

    /** Guards that an unflushed change is discarded by rollback: not written by a later commit, and undone on the instance. */
    @DatabaseTest
    void rollbackDiscardsAnUnflushedChange(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        String afterRollback;
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("x");
            s.rollback();
            afterRollback = u.getName();
            s.commit();
        }
        assertThat(nameInDatabase(f, id)).as("the row after rollback() then commit()").isEqualTo("ann");
        assertThat(afterRollback).as("the instance's field right after rollback()").isEqualTo("ann");
    }

    /** Guards that a flushed change is undone on the instance by rollback, without reading it again. */
    @DatabaseTest
    void rollbackRestoresAFlushedChangeOnTheInstance(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "bob", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("x");
            s.flush();
            s.rollback();
            assertThat(u.getName()).as("the instance's field right after rollback()").isEqualTo("bob");
            s.commit();
        }
        assertThat(nameInDatabase(f, id)).isEqualTo("bob");
    }

    /** A flushed change, then refresh() (which reads the changed row), then rollback(): the field is the committed one. */
    @DatabaseTest
    void rollbackRestoresAnInstanceRefreshedAfterAFlushedChange(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "dee", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("flushed");
            s.flush();
            s.refresh(u);
            assertThat(u.getName()).isEqualTo("flushed");
            s.rollback();
            assertThat(u.getName()).as("the instance's field right after rollback()").isEqualTo("dee");
            assertThat(s.contains(u)).isTrue();
            s.commit();
        }
        assertThat(nameInDatabase(f, id)).isEqualTo("dee");
    }

    /** Guards that rollback of a flushed versioned update restores field and version, so the next update is not stale. */
    @DatabaseTest
    void rollbackRestoresTheVersionOfAFlushedUpdate(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        Account created = new Account("cy", 10);
        f.runInTransaction(s -> s.add(created));
        try (Session s = f.open()) {
            Account a = s.get(Account.class, created.getId());
            a.setBalance(20);
            s.flush();
            s.rollback();
            assertThat(a.getBalance()).as("balance right after rollback()").isEqualTo(10);
            assertThat(a.getVersion()).as("version right after rollback()").isZero();
            a.setBalance(30);
            s.commit();
        }
        try (Session s = f.open()) {
            Account a = s.get(Account.class, created.getId());
            assertThat(a.getBalance()).isEqualTo(30);
            assertThat(a.getVersion()).isEqualTo(1);
        }
    }

    /** Guards that rollback undoes a flushed delete of a child: back in the session and its parent's collection, and kept. */
    @DatabaseTest
    void rollbackUndoesAFlushedDeleteOfAChild(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "eve", 2, 1);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            Order o = u.getOrders().get(0);
            Order other = u.getOrders().get(1);
            s.delete(o);
            s.flush();
            s.rollback();
            assertThat(s.contains(o)).as("the order whose delete was rolled back is in the session").isTrue();
            assertThat(u.getOrders()).as("the user's orders after rollback()").containsExactly(o, other);
            s.commit();
        }
        assertThat(ShopFixture.rows(f, Order.class)).isEqualTo(2);
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(2);
    }

    /** Guards that an added, flushed, rolled-back instance leaves the session with its generated id cleared (children too). */
    @DatabaseTest
    void rollbackMakesAnInsertedInstanceAndItsCascadedChildrenTransientAgain(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        try (Session s = f.open()) {
            User x = new User("dee");
            Order o = new Order("p0", x);
            s.add(x);
            s.flush();
            assertThat(x.getId()).isNotNull();
            assertThat(o.getId()).isNotNull();
            s.rollback();
            assertThat(s.contains(x)).as("the rolled-back user is in the session").isFalse();
            assertThat(x.getId()).as("the rolled-back user's generated id").isNull();
            assertThat(s.contains(o)).as("the rolled-back order is in the session").isFalse();
            assertThat(o.getId()).as("the rolled-back order's generated id").isNull();
            s.commit();
        }
        assertThat(ShopFixture.rows(f, User.class)).isZero();
        assertThat(ShopFixture.rows(f, Order.class)).isZero();
    }
}
