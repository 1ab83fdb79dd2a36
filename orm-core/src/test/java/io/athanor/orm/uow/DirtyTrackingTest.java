package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionListener;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Registration;
import io.athanor.orm.engine.Savepoint;
import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.memo.Memo;
import io.athanor.orm.model.tracked.Account;
import io.athanor.orm.model.tracked.Account_;
import io.athanor.orm.model.tracked.Branch;
import io.athanor.orm.model.tracked.Parcel;
import io.athanor.orm.model.tracked.Place;
import io.athanor.orm.model.tracked.Shelf;
import io.athanor.orm.test.DatabaseTest;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A flush that skips instances which reported no write never misses a change: writes through setters,
 * reflection, merge and the library itself, changes made while a flush runs, savepoint and transaction
 * rollbacks, refresh, expunge, failed flushes, embedded values, collections changed in place, relationship
 * changes, and plain and enhanced classes in one session.
 */
class DirtyTrackingTest {

    @DatabaseTest
    void theModelIsEnhancedAsTheTestsExpect(Engine engine) {
        assertThat(EntityEnhancer.isEnhanced(Account.class)).as("Account enhanced (build step)").isTrue();
        assertThat(EntityEnhancer.isEnhanced(Memo.class)).as("Memo stays plain").isFalse();
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            s.get(Account.class, id);
            s.flush(); // the loaded instance is compared once
            long before = TrackedFixture.stats(s).compared();
            s.flush();
            assertThat(TrackedFixture.stats(s).compared()).as("instances compared by a flush after nothing was written")
                    .isEqualTo(before);
        }
    }

    @DatabaseTest
    void aSetterWriteIsFlushedAndSeenByAQueryOfTheSameTransaction(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.flush();
            a.setOwner("bob");
            a.visit();
            s.flush();
            assertThat(s.select(Account.class).where(Account_.owner.eq("bob")).count()).isEqualTo(1);
            s.commit();
        }
        Account stored = TrackedFixture.stored(f, id);
        assertThat(stored.getOwner()).isEqualTo("bob");
        assertThat(stored.getVisits()).isEqualTo(1);
    }

    @DatabaseTest
    void aWriteThroughReflectionIsCommitted(Engine engine) throws Exception {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.flush();
            java.lang.reflect.Field note = Account.class.getDeclaredField("note");
            note.setAccessible(true);
            note.set(a, "written by reflection");
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getNote()).isEqualTo("written by reflection");
    }

    @DatabaseTest
    void aMergedCopyIsFlushed(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        Account detached = TrackedFixture.stored(f, id);
        detached.setOwner("merged");
        try (Session s = f.open()) {
            Account held = s.get(Account.class, id);
            s.flush();
            Account merged = s.merge(detached);
            assertThat(merged).isSameAs(held);
            s.flush();
            assertThat(s.select(Account.class).where(Account_.owner.eq("merged")).count()).isEqualTo(1);
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("merged");
    }

    @DatabaseTest
    void aChangeMadeWhileAFlushRunsIsWrittenByTheNextFlush(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        AtomicReference<Account> target = new AtomicReference<>();
        Registration r = f.listen(new SessionListener() {
            @Override
            public void flushed(Session session, int entities) {
                Account a = target.getAndSet(null);
                if (a != null) {
                    a.setOwner("during the flush");
                }
            }
        });
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            a.visit();
            target.set(a);
            s.flush(); // writes the visit; the listener then changes the owner
            assertThat(a.getOwner()).isEqualTo("during the flush");
            s.flush();
            assertThat(s.select(Account.class).where(Account_.owner.eq("during the flush")).count()).isEqualTo(1);
            s.commit();
        } finally {
            r.remove();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("during the flush");
    }

    @DatabaseTest
    void afterASavepointRollbackTheInstanceIsWrittenAgainWhenChanged(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            a.setOwner("a");
            Savepoint sp = s.beginNested();
            a.setOwner("b");
            s.flush();
            sp.rollback();
            assertThat(a.getOwner()).isEqualTo("a");
            s.flush();
            assertThat(s.select(Account.class).where(Account_.owner.eq("a")).count()).as("rows holding a after the rollback")
                    .isEqualTo(1);
            a.setOwner("c");
            s.flush();
            assertThat(s.select(Account.class).where(Account_.owner.eq("c")).count()).isEqualTo(1);
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("c");
    }

    @DatabaseTest
    void afterATransactionRollbackAChangeIsWrittenAgain(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            a.setOwner("rolled back");
            s.flush();
            s.rollback();
            assertThat(s.get(Account.class, id).getOwner()).isEqualTo("ann");
            a.setOwner("kept");
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("kept");
    }

    @DatabaseTest
    void refreshThenChangeIsWritten(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            a.setOwner("discarded");
            s.refresh(a);
            assertThat(a.getOwner()).isEqualTo("ann");
            assertThat(TrackedFixture.stats(s).compared()).isZero();
            s.flush();
            assertThat(TrackedFixture.stored(f, id).getOwner()).as("nothing written for the refreshed instance").isEqualTo("ann");
            a.setOwner("after refresh");
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("after refresh");
    }

    @DatabaseTest
    void anExpungedInstanceIsNoLongerWrittenAndAMergedCopyOfItIs(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.expunge(a);
            a.setOwner("expunged");
            s.flush();
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.expunge(a);
            a.setOwner("merged back");
            Account held = s.merge(a);
            held.visit();
            s.commit();
        }
        Account stored = TrackedFixture.stored(f, id);
        assertThat(stored.getOwner()).isEqualTo("merged back");
        assertThat(stored.getVisits()).isEqualTo(1);
    }

    @DatabaseTest
    void aFailedFlushLeavesTheDataAsItWasAndTheNextAttemptWritesTheChanges(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long first = TrackedFixture.account(f, "ann");
        long second = TrackedFixture.account(f, "bob");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, first);
            Account b = s.get(Account.class, second);
            s.flush();
            a.setOwner("valid change");
            b.setOwner(null); // NOT NULL
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class);
            s.rollback();
            assertThat(a.getOwner()).as("reverted as after any rollback").isEqualTo("ann");
            assertThat(TrackedFixture.stored(f, first).getOwner()).isEqualTo("ann");
            a.setOwner("valid change");
            b.setOwner("bob again");
            s.flush();
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, first).getOwner()).isEqualTo("valid change");
        assertThat(TrackedFixture.stored(f, second).getOwner()).isEqualTo("bob again");
    }

    @DatabaseTest
    void aChangeInsideAnEmbeddedValueIsFlushed(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = f.inTransaction(s -> {
            Parcel p = new Parcel("box", new Place("Lyon"));
            s.add(p);
            s.flush();
            return p.getId();
        });
        try (Session s = f.open()) {
            Parcel p = s.get(Parcel.class, id);
            s.flush();
            p.getPlace().setCity("Nantes");
            s.flush();
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Parcel.class, id).getPlace().getCity()).isEqualTo("Nantes");
        }
    }

    @DatabaseTest
    void aCollectionChangedInPlaceIsFlushed(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = f.inTransaction(s -> {
            Shelf shelf = new Shelf("top");
            Parcel p = new Parcel("old", new Place("Lyon"));
            shelf.getParcels().add(p);
            p.setShelf(shelf);
            s.add(shelf);
            s.flush();
            return shelf.getId();
        });
        try (Session s = f.open()) {
            Shelf shelf = s.get(Shelf.class, id);
            assertThat(shelf.getParcels()).hasSize(1);
            s.flush();
            Parcel added = new Parcel("new", new Place("Paris"));
            shelf.getParcels().add(added);
            added.setShelf(shelf);
            shelf.getParcels().removeIf(p -> p.getLabel().equals("old"));
            s.flush();
            assertThat(added.getId()).as("the parcel added to the loaded collection was inserted").isNotNull();
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Shelf.class, id).getParcels()).extracting(Parcel::getLabel).containsExactly("new");
            assertThat(s.select(Parcel.class).count()).as("the orphan was deleted").isEqualTo(1);
        }
    }

    @DatabaseTest
    void aRelationshipChangeIsFlushedAndANewParentInsertedByCascade(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.flush();
            a.setBranch(new Branch("north"));
            s.flush();
            assertThat(a.getBranch().getId()).as("the new branch was inserted by cascade").isNotNull();
            s.refresh(a);
            assertThat(a.getBranch()).as("the foreign key, read back in the same transaction").isNotNull();
            s.commit();
        }
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            assertThat(a.getBranch().getName()).isEqualTo("north");
            a.setBranch(null);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Account.class, id).getBranch()).isNull();
        }
    }

    @DatabaseTest
    void aLazyReferenceChangedAfterItLoadsIsFlushed(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        f.inTransaction(s -> {
            s.get(Account.class, id).setBranch(new Branch("south"));
            return null;
        });
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.flush();
            Branch b = a.getBranch();
            b.setName("renamed");
            s.flush();
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Account.class, id).getBranch().getName()).isEqualTo("renamed");
        }
    }

    @DatabaseTest
    void aPlainInstancePointedAtAParentInsertedByTheSameFlushGetsItsKey(Engine engine) {
        SessionFactory f = ShopFixture.fresh(engine);
        long userId = ShopFixture.userWithOrders(f, "ann", 1, 0);
        try (Session s = f.open()) {
            io.athanor.orm.model.shop.Order o = s.get(io.athanor.orm.model.shop.User.class, userId).getOrders().get(0);
            s.flush();
            io.athanor.orm.model.shop.User bob = new io.athanor.orm.model.shop.User("bob");
            s.add(bob);
            o.setUser(bob);
            s.flush();
            s.refresh(o);
            assertThat(o.getUser().getName()).as("the order's user, read back in the same transaction").isEqualTo("bob");
            s.commit();
        }
    }

    @DatabaseTest
    void plainAndEnhancedInstancesInOneSessionAreBothWritten(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long account = TrackedFixture.account(f, "ann");
        long memo = f.inTransaction(s -> {
            Memo m = new Memo("draft");
            s.add(m);
            s.flush();
            return m.getId();
        });
        try (Session s = f.open()) {
            Account a = s.get(Account.class, account);
            Memo m = s.get(Memo.class, memo);
            s.flush();
            a.setOwner("tracked");
            m.setText("compared");
            s.flush();
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, account).getOwner()).isEqualTo("tracked");
        try (Session s = f.open()) {
            assertThat(s.get(Memo.class, memo).getText()).isEqualTo("compared");
        }
    }

    @DatabaseTest
    void aDeleteOfAnUnchangedInstanceIsFlushed(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session s = f.open()) {
            Account a = s.get(Account.class, id);
            s.flush();
            s.delete(a);
            s.flush();
            assertThat(s.select(Account.class).count()).isZero();
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Account.class, id)).isNull();
        }
    }

    @DatabaseTest
    void anInstanceHeldByTwoSessionsIsWrittenByEach(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        try (Session first = f.open(); Session second = f.open()) {
            Account a = first.get(Account.class, id);
            first.flush();
            second.add(a); // second now follows a's writes too; first goes back to comparing it
            assertThat(second.contains(a)).isTrue();
            a.setOwner("first");
            first.flush();
            first.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("first");
    }
}
