package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Savepoint;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;

/** A flush that fails inside a savepoint, and rollbacks that meet instances the application expunged. */
class SavepointFailureTest {

    private static final String TOO_LONG = "x".repeat(60); // the name column holds 50

    /** The savepoint's rollback recovers from a flush that failed inside it; work before it is kept and committed. */
    @DatabaseTest
    void aFailedFlushInsideASavepointIsUndoneByTheSavepointsRollback(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("kept");
            Savepoint sp = s.beginNested();
            User bad = new User(TOO_LONG);
            s.add(bad);
            u.setName("inside");
            assertThatThrownBy(s::flush).isInstanceOf(DatabaseException.class);
            assertThatThrownBy(() -> s.select(User.class).list()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("savepoint").hasMessageContaining("rollback()");
            sp.rollback();
            assertThat(u.getName()).as("what the row held at the savepoint").isEqualTo("kept");
            assertThat(s.contains(bad)).as("added inside the savepoint: transient again").isFalse();
            assertThat(bad.getId()).isNull();
            s.add(new User("after"));
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(User.class, id).getName()).isEqualTo("kept");
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(2);
    }

    /** After a failed flush inside a savepoint, session.rollback() still discards the whole transaction. */
    @DatabaseTest
    void rollingBackTheSessionAfterAFailedFlushInsideASavepointDiscardsEverything(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("before the savepoint");
            Savepoint sp = s.beginNested();
            s.add(new User(TOO_LONG));
            assertThatThrownBy(s::flush).isInstanceOf(DatabaseException.class);
            s.rollback();
            assertThat(u.getName()).isEqualTo("ann");
            assertThatThrownBy(sp::rollback).isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer open");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(User.class, id).getName()).isEqualTo("ann");
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
    }

    /** Rolling back an outer savepoint ends the inner one. */
    @DatabaseTest
    void anOuterSavepointsRollbackEndsTheInnerOne(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            Savepoint outer = s.beginNested();
            u.setName("outer");
            Savepoint inner = s.beginNested();
            u.setName("inner");
            s.flush();
            outer.rollback();
            assertThat(u.getName()).isEqualTo("ann");
            assertThatThrownBy(inner::rollback).isInstanceOf(IllegalStateException.class);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(User.class, id).getName()).isEqualTo("ann");
        }
    }

    /** An instance the application expunged stays out of the session when the transaction rolls back. */
    @DatabaseTest
    void anExpungedInstanceStaysOutAfterARollback(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        try (Session s = f.open()) {
            User u = s.get(User.class, id);
            u.setName("flushed");
            s.flush();
            s.expunge(u);
            s.rollback();
            assertThat(s.contains(u)).isFalse();
            User again = s.get(User.class, id);
            assertThat(again).isNotSameAs(u);
            assertThat(again.getName()).isEqualTo("ann");
        }
    }
}
