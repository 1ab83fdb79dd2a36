package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.OrderLine;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;

/** Defect 1: a child deleted from a loaded cascade/orphan-removal collection must not come back at the flush. */
class DeletedChildTest {

    /** Guards that deleting a loaded child (then flush, commit) removes it and its lines and never re-INSERTs it. */
    @DatabaseTest
    void aDeletedChildStaysDeletedAndIsNeverInsertedAgain(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 2, 2);
        Long deleted;
        Long kept;
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            User u = s.get(User.class, id);
            Order o = u.getOrders().get(0);
            deleted = o.getId();
            kept = u.getOrders().get(1).getId();
            s.delete(o);
            s.flush();
            s.commit();
            assertThat(ShopFixture.inserts(sql)).as("statements sent for a delete").isEmpty();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Order.class, deleted)).as("the deleted order").isNull();
            assertThat(s.select(Order.class).list()).extracting(Order::getId).containsExactly(kept);
            assertThat(s.select(OrderLine.class).list()).as("only the kept order's lines remain")
                    .allSatisfy(l -> assertThat(l.getOrder().getId()).isEqualTo(kept)).hasSize(2);
        }
    }

    /** Guards that deleting a child without an explicit flush (commit flushes) does not bring it back either. */
    @DatabaseTest
    void aDeletedChildCommittedWithoutExplicitFlushStaysDeleted(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "bob", 2, 1);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            User u = s.get(User.class, id);
            s.delete(u.getOrders().get(0));
            s.commit();
            assertThat(ShopFixture.inserts(sql)).as("statements sent for a delete").isEmpty();
        }
        assertThat(ShopFixture.rows(f, Order.class)).isEqualTo(1);
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(1);
    }

    /** Guards that after delete + flush the parent's loaded collection no longer holds the deleted child. */
    @DatabaseTest
    void aFlushedDeleteLeavesTheParentsLoadedCollection(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "cy", 2, 1);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            Order o = u.getOrders().get(0);
            s.delete(o);
            s.flush();
            assertThat(u.getOrders()).as("the user's orders after the order was deleted and flushed")
                    .doesNotContain(o).hasSize(1);
            assertThat(s.contains(o)).isFalse();
            s.commit();
            assertThat(u.getOrders()).as("after commit").doesNotContain(o).hasSize(1);
        }
    }
}
