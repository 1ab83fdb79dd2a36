package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.OrderLine;
import io.athanor.orm.model.shop.Order_;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/** Defect 6: {@code merge()} cascades (cascade ALL) into the detached instance's loaded collections. */
class MergeCascadeTest {

    /** A user with orders p0, p1, p2 (one line each), loaded with its orders and lines in a session that is then closed. */
    private static User detachedUser(SessionFactory f) {
        long id = ShopFixture.userWithOrders(f, "ann", 3, 1);
        try (Session a = f.open()) {
            User u = a.get(User.class, id);
            for (Order o : u.getOrders()) {
                assertThat(o.getLines()).hasSize(1);
            }
            assertThat(u.getOrders()).hasSize(3);
            return u;
        }
    }

    private static List<String> products(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(Order_.product).orderBy(Order_.id).list().stream().map(r -> (String) r.get(0)).toList();
        }
    }

    /** Guards that merging a detached parent writes a change made to one of its detached children. */
    @DatabaseTest
    void mergeUpdatesAChangedChild(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        detached.getOrders().get(0).setProduct("changed");
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            b.merge(detached);
            b.commit();
            assertThat(ShopFixture.inserts(sql)).isEmpty();
        }
        assertThat(products(f)).containsExactly("changed", "p1", "p2");
    }

    /** Guards that merging a detached parent deletes a child removed from its list (orphan removal), lines included. */
    @DatabaseTest
    void mergeDeletesAChildRemovedFromTheDetachedCollection(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        Order removed = detached.getOrders().remove(1);
        assertThat(removed.getProduct()).isEqualTo("p1");
        try (Session b = f.open()) {
            b.merge(detached);
            b.commit();
        }
        assertThat(products(f)).containsExactly("p0", "p2");
        assertThat(ShopFixture.rows(f, OrderLine.class)).as("lines left after the orphan's deletion").isEqualTo(2);
    }

    /** Guards that merging a detached parent inserts a new child added to its detached list. */
    @DatabaseTest
    void mergeInsertsAChildAddedToTheDetachedCollection(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        new Order("added", detached).line("added-line");
        try (Session b = f.open()) {
            User merged = b.merge(detached);
            b.commit();
            assertThat(merged.getOrders()).extracting(Order::getProduct).containsExactlyInAnyOrder("p0", "p1", "p2", "added");
        }
        assertThat(products(f)).containsExactly("p0", "p1", "p2", "added");
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(4);
    }

    /** Guards that one merge applies a changed, a removed and an added child together. */
    @DatabaseTest
    void mergeAppliesChangedRemovedAndAddedChildrenTogether(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User detached = detachedUser(f);
        detached.getOrders().get(0).setProduct("changed");
        detached.getOrders().remove(2);
        new Order("added", detached);
        try (Session b = f.open()) {
            b.merge(detached);
            b.commit();
        }
        assertThat(products(f)).containsExactly("changed", "p1", "added");
        assertThat(ShopFixture.rows(f, OrderLine.class)).isEqualTo(2);
    }
}
