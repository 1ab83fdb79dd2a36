package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.JoinedSession;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Savepoint;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.DatabaseTest;

/**
 * A session in a transaction someone else owns (SessionFactory.join over Engine.borrow): its statements run in the
 * owner's transaction, the owner commits or rolls back, and the session's instances follow.
 */
class JoinedSessionTest {

    /** Guards that a joined session writes in the owner's transaction, which alone decides whether the rows stay. */
    @DatabaseTest
    void theOwnersCommitOrRollbackDecidesAndTheInstancesFollow(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        User kept = new User("kept");
        try (Connection owner = engine.connect()) {
            owner.autocommit(false);
            try (JoinedSession joined = f.join(engine.borrow(owner.jdbc()), SessionOptions.defaults())) {
                joined.session().add(kept);
                joined.beforeCommit();
                owner.commit();
                joined.committed();
            }
            assertThat(owner.isClosed()).as("closing the joined session leaves the owner's connection").isFalse();
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
        assertThat(kept.getId()).isNotNull();

        User dropped = new User("dropped");
        try (Connection owner = engine.connect()) {
            try (JoinedSession joined = f.join(engine.borrow(owner.jdbc()), SessionOptions.defaults())) {
                joined.session().add(dropped);
                joined.beforeCommit();
                assertThat(dropped.getId()).isNotNull();
                owner.rollback();
                joined.rolledBack();
                assertThat(joined.session().contains(dropped)).isFalse();
            }
        }
        assertThat(dropped.getId()).as("the rolled-back insert's key is cleared").isNull();
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
    }

    /** Guards that neither the session nor the borrowed connection ends the owner's transaction. */
    @DatabaseTest
    void theSessionAndTheBorrowedConnectionRefuseToEndTheOwnersTransaction(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        try (Connection owner = engine.connect()) {
            owner.autocommit(false);
            Connection borrowed = engine.borrow(owner.jdbc());
            try (JoinedSession joined = f.join(borrowed, SessionOptions.defaults())) {
                Session s = joined.session();
                s.add(new User("ann"));
                s.flush();
                assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("its owner").hasMessageContaining("@Transactional");
                assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(s::begin).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(borrowed::commit).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("borrowed connection");
                assertThatThrownBy(borrowed::rollback).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> borrowed.autocommit(true)).isInstanceOf(IllegalStateException.class);
            }
            assertThat(borrowed.isClosed()).isTrue();
            assertThat(ShopFixture.rows(f, User.class)).as("not committed: another connection sees nothing").isZero();
            owner.commit();
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
    }

    /** Guards that after the owner rolls back to its savepoint, the session's instances are as they were when it was set. */
    @DatabaseTest
    void aMarkFollowsTheOwnersSavepointRollback(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long id = ShopFixture.userWithOrders(f, "ann", 0, 0);
        try (Connection owner = engine.connect()) {
            owner.autocommit(false);
            try (JoinedSession joined = f.join(engine.borrow(owner.jdbc()), SessionOptions.defaults())) {
                Session s = joined.session();
                User ann = s.get(User.class, id);
                ann.setName("before");
                s.flush();
                Savepoint sp = owner.savepoint();
                JoinedSession.Mark mark = joined.mark();
                ann.setName("inside");
                User inner = new User("inner");
                s.add(inner);
                s.flush();
                sp.rollback();
                mark.rolledBack();
                assertThat(ann.getName()).isEqualTo("before");
                assertThat(s.contains(inner)).isFalse();
                assertThat(inner.getId()).isNull();
                joined.beforeCommit();
                owner.commit();
                joined.committed();
            }
        }
        assertThat(ShopFixture.rows(f, User.class)).isEqualTo(1);
        try (Session s = f.open()) {
            assertThat(s.get(User.class, id).getName()).isEqualTo("before");
        }
    }

    /** Guards that the owner's transaction keeps its own isolation: options that set one are refused. */
    @DatabaseTest
    void optionsWithAnIsolationLevelAreRefused(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        try (Connection owner = engine.connect()) {
            assertThatThrownBy(() -> f.join(engine.borrow(owner.jdbc()), SessionOptions.isolation(IsolationLevel.SERIALIZABLE)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isolation level");
            assertThatThrownBy(() -> f.join(null, SessionOptions.defaults())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.borrow(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
