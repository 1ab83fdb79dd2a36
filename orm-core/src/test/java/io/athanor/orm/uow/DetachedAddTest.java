package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.shop.Account;
import io.athanor.orm.model.shop.Account_;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.model.shop.User_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * Defect 2: {@code add()} of an instance another session loaded (detached) re-attaches it; the flush
 * updates what changed, and raises {@link StaleObjectException} when its row is gone. It is never
 * INSERTed as new.
 */
class DetachedAddTest {

    private static User loadAndClose(SessionFactory f, long id) {
        try (Session a = f.open()) {
            User x = a.get(User.class, id);
            assertThat(x).isNotNull();
            return x;
        }
    }

    /** Guards that adding a changed detached instance whose row another transaction deleted is stale, not a resurrection. */
    @DatabaseTest
    void addingAChangedDetachedInstanceWhoseRowIsGoneIsStale(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        User x = loadAndClose(f, id);
        f.runInTransaction(other -> other.delete(User.class).where(User_.id.eq(id)).execute());
        x.setName("renamed while detached");
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> {
                b.add(x);
                b.commit();
            }).isInstanceOf(StaleObjectException.class);
            assertThat(ShopFixture.inserts(sql)).as("statements sent for a detached instance").isEmpty();
            b.rollback();
        }
        assertThat(ShopFixture.rows(f, User.class)).as("the deleted row stays deleted").isZero();
    }

    /** Guards that adding an unchanged detached instance whose row is gone never INSERTs the row again. */
    @DatabaseTest
    void addingAnUnchangedDetachedInstanceWhoseRowIsGoneDoesNotBringItBack(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "bob", 0, 0);
        User x = loadAndClose(f, id);
        f.runInTransaction(other -> other.delete(User.class).where(User_.id.eq(id)).execute());
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            try {
                b.add(x);
                b.commit(); // nothing changed: nothing to write; a StaleObjectException is acceptable too
            } catch (StaleObjectException acceptable) {
                b.rollback();
            }
            assertThat(ShopFixture.inserts(sql)).as("statements sent for a detached instance").isEmpty();
        }
        assertThat(ShopFixture.rows(f, User.class)).as("the deleted row stays deleted").isZero();
    }

    /** Guards that adding a changed detached instance whose row exists UPDATEs the changed column only (no INSERT). */
    @DatabaseTest
    void addingAChangedDetachedInstanceUpdatesOnlyWhatChanged(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "cy", 0, 0);
        User x = loadAndClose(f, id);
        x.setName("cy renamed");
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            b.add(x);
            assertThat(b.contains(x)).isTrue();
            b.commit();
            assertThat(ShopFixture.inserts(sql)).as("INSERTs sent for a detached instance").isEmpty();
            List<String> updates = ShopFixture.startingWith(sql, "UPDATE");
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).as("only the changed column is set").containsIgnoringCase("name")
                    .doesNotContainIgnoringCase("email");
            assertThat(b.get(User.class, id)).as("the re-attached instance is the session's one for its key").isSameAs(x);
        }
        try (Session s = f.open()) {
            User fresh = s.get(User.class, id);
            assertThat(fresh.getName()).isEqualTo("cy renamed");
            assertThat(fresh.getEmail()).isEqualTo("cy@shop.example");
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
    }

    /** Guards that a re-attached versioned instance updates with its version and is stale once someone else changed it. */
    @DatabaseTest
    void addingADetachedVersionedInstanceChecksItsVersion(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        Account created = new Account("dee", 100);
        f.runInTransaction(s -> s.add(created));
        long id = created.getId();
        Account x;
        try (Session a = f.open()) {
            x = a.get(Account.class, id);
        }
        x.setBalance(150);
        try (Session b = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            b.add(x);
            b.commit();
            assertThat(ShopFixture.inserts(sql)).as("INSERTs sent for a detached instance").isEmpty();
        }
        assertThat(x.getVersion()).as("the version after one update").isEqualTo(1);
        f.runInTransaction(other -> other.get(Account.class, id).setBalance(999));
        x.setBalance(200);
        try (Session c = f.open()) {
            assertThatThrownBy(() -> {
                c.add(x);
                c.commit();
            }).isInstanceOf(StaleObjectException.class);
            c.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Account_.balance).scalar(Long.class)).isEqualTo(999L);
        }
        assertThat(ShopFixture.rows(f, Account.class)).isEqualTo(1);
    }
}
