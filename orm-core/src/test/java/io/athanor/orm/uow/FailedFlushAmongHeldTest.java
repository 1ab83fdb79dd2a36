package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;
import java.util.ArrayList;
import java.util.List;

/**
 * A flush that fails after it inserted and updated some rows, in a session that holds many unchanged instances
 * around them: what it did to the session (keys, snapshots, the listing) is undone, the unchanged instances stay
 * held and compared, and the rows are as before.
 */
class FailedFlushAmongHeldTest {

    private static final String TOO_LONG = "x".repeat(60); // the name column holds 50

    private static List<Long> users(SessionFactory f, int n) {
        return f.inTransaction(s -> {
            List<User> made = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                User u = new User("u" + i);
                s.add(u);
                made.add(u);
            }
            s.flush();
            return made.stream().map(User::getId).toList();
        });
    }

    /** Inserted, updated, then an update refused: after rollback() every instance holds what its row holds. */
    @DatabaseTest
    void aFlushFailingAfterInsertsAndUpdatesLeavesTheHeldInstancesAsTheirRows(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        List<Long> ids = users(f, 12);
        try (Session s = f.open()) {
            List<User> held = new ArrayList<>();
            for (Long id : ids) {
                held.add(s.get(User.class, id));
            }
            s.flush(); // nothing to write: the session now holds 12 unchanged users, compared at each flush
            User added = new User("added");
            s.add(added);
            Order order = new Order("p", held.get(7));
            s.add(order);
            held.get(3).setName("changed");
            held.get(9).setName(TOO_LONG);
            User gone = held.get(11);
            s.delete(gone);

            assertThatThrownBy(s::flush).isInstanceOf(DatabaseException.class);
            assertThat(added.getId()).as("the key the failed insert assigned").isNull();
            assertThat(order.getId()).isNull();
            assertThat(held.subList(0, 11)).allSatisfy(u -> assertThat(s.contains(u)).isTrue());
            assertThat(s.contains(gone)).as("still to be deleted").isFalse();
            assertThat(s.contains(added)).as("still to be added").isTrue();

            s.rollback();
            assertThat(s.contains(added)).as("never written: transient again").isFalse();
            assertThat(s.contains(order)).isFalse();
            for (int i = 0; i < held.size(); i++) {
                assertThat(held.get(i).getName()).as("user %d after rollback", i).isEqualTo("u" + i);
                assertThat(s.contains(held.get(i))).isTrue();
            }
            // the unchanged neighbours are still compared: a change to one of them is written
            held.get(5).setName("after");
            s.commit();
        }
        try (Session s = f.open()) {
            List<String> names = new ArrayList<>();
            for (Long id : ids) {
                names.add(s.get(User.class, id).getName());
            }
            assertThat(names).containsExactly("u0", "u1", "u2", "u3", "u4", "after", "u6", "u7", "u8", "u9", "u10", "u11");
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(12);
        assertThat(ShopFixture.rows(f, Order.class)).isZero();
    }

    /** The same failure inside a savepoint, after a flush that inserted before it: the savepoint's work alone is undone. */
    @DatabaseTest
    void aFlushFailingInsideASavepointKeepsWhatWasFlushedBefore(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        List<Long> ids = users(f, 6);
        try (Session s = f.open()) {
            List<User> held = new ArrayList<>();
            for (Long id : ids) {
                held.add(s.get(User.class, id));
            }
            User before = new User("before");
            s.add(before);
            s.flush();
            Long beforeId = before.getId();
            io.athanor.orm.engine.Savepoint sp = s.beginNested();
            User inside = new User("inside");
            s.add(inside);
            held.get(1).setName("changed");
            held.get(4).setName(TOO_LONG);
            assertThatThrownBy(s::flush).isInstanceOf(DatabaseException.class);
            assertThat(inside.getId()).isNull();
            sp.rollback();
            assertThat(s.contains(inside)).isFalse();
            assertThat(s.contains(before)).isTrue();
            assertThat(before.getId()).isEqualTo(beforeId);
            for (int i = 0; i < held.size(); i++) {
                assertThat(held.get(i).getName()).as("user %d after the savepoint's rollback", i).isEqualTo("u" + i);
            }
            held.get(2).setName("after");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(User.class, ids.get(2)).getName()).isEqualTo("after");
            assertThat(s.get(User.class, ids.get(1)).getName()).isEqualTo("u1");
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(7);
    }
}
