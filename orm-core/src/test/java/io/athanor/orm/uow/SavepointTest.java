package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Savepoint;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.OrderLine;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.model.shop.User_;
import io.athanor.orm.test.DatabaseTest;

/** Defect 5: after a savepoint's rollback, every instance holds what it held at the savepoint. */
class SavepointTest {

    private static String nameInDatabase(SessionFactory f, long id) {
        try (Session s = f.open()) {
            return s.get(User.class, id).getName();
        }
    }

    /** Guards that rolling a savepoint back restores the value an instance held when the savepoint was set. */
    @DatabaseTest
    void savepointRollbackRestoresWhatTheInstanceHeldAtTheSavepoint(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("a");
            Savepoint sp = s.beginNested();
            u.setName("b");
            s.flush();
            sp.rollback();
            assertThat(u.getName()).as("the instance's field right after the savepoint's rollback").isEqualTo("a");
            assertThat(s.get(User.class, id).getName()).as("the session's view after the savepoint's rollback").isEqualTo("a");
            s.commit();
        }
        assertThat(nameInDatabase(f, id)).isEqualTo("a");
    }

    /** Guards that a row inserted inside a rolled-back savepoint is transient again and the commit succeeds without it. */
    @DatabaseTest
    void aRowInsertedInsideARolledBackSavepointIsTransientAgain(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "bob", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("a");
            Savepoint sp = s.beginNested();
            User inner = new User("inner");
            s.add(inner);
            s.flush();
            assertThat(inner.getId()).isNotNull();
            sp.rollback();
            assertThat(s.contains(inner)).as("the user inserted inside the rolled-back savepoint is in the session").isFalse();
            assertThat(inner.getId()).as("its generated id").isNull();
            s.commit();
        }
        assertThat(nameInDatabase(f, id)).isEqualTo("a");
        try (Session s = f.open()) {
            assertThat(s.select(User.class).where(User_.name.eq("inner")).count()).isZero();
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
    }

    /** Guards that a delete flushed inside a rolled-back savepoint is undone: the child is back in the session and kept. */
    @DatabaseTest
    void aDeleteInsideARolledBackSavepointIsUndone(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "cy", 1, 1);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            Order o = u.getOrders().get(0);
            Savepoint sp = s.beginNested();
            s.delete(o);
            s.flush();
            sp.rollback();
            assertThat(s.contains(o)).as("the order deleted inside the rolled-back savepoint is in the session").isTrue();
            assertThat(u.getOrders()).as("the user's orders after the savepoint's rollback").containsExactly(o);
            s.commit();
        }
        assertThat(ShopFixture.rows(f, Order.class)).isEqualTo(1);
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(1);
    }

    /** Guards that changes and inserts made inside a released savepoint are committed with the transaction. */
    @DatabaseTest
    void workInsideAReleasedSavepointIsCommitted(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "dee", 0, 0);
        User inner = new User("inner");
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("a");
            Savepoint sp = s.beginNested();
            u.setName("b");
            s.add(inner);
            s.flush();
            sp.release();
            assertThat(s.contains(inner)).isTrue();
            assertThat(u.getName()).isEqualTo("b");
            s.commit();
        }
        assertThat(nameInDatabase(f, id)).isEqualTo("b");
        assertThat(inner.getId()).isNotNull();
        assertThat(nameInDatabase(f, inner.getId())).isEqualTo("inner");
    }
}
