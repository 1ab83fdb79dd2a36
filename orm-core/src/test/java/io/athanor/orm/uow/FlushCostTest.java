package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.unitofwork.FlushStats;
import io.athanor.orm.model.memo.Memo;
import io.athanor.orm.model.tracked.Account;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;

/**
 * What a flush looks at, counted (not timed): in the "add one row, flush for its id" loop, an enhanced class
 * costs each flush a visit of what was written since the last one; a plain class costs a comparison of every
 * held instance.
 */
class FlushCostTest {
    private static final int ROWS = 40;

    @DatabaseTest
    void addThenFlushOfAnEnhancedClassVisitsOnlyTheNewRowAndTheOneWrittenBefore(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        try (Session s = f.open()) {
            FlushStats stats = TrackedFixture.stats(s);
            for (int i = 0; i < ROWS; i++) {
                long visitedBefore = stats.visited();
                s.add(new Account("a" + i, BigDecimal.ONE));
                s.flush();
                assertThat(stats.visited() - visitedBefore).as("entries visited by flush %d", i).isLessThanOrEqualTo(2);
            }
            assertThat(stats.compared()).as("comparisons in %d flushes", ROWS).isLessThan(ROWS);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Account.class).count()).isEqualTo(ROWS);
        }
    }

    @DatabaseTest
    void addThenFlushOfAPlainClassComparesEveryHeldInstance(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        try (Session s = f.open()) {
            FlushStats stats = TrackedFixture.stats(s);
            for (int i = 0; i < ROWS; i++) {
                s.add(new Memo("m" + i));
                s.flush();
            }
            assertThat(stats.compared()).as("each flush compares the memos flushed before it")
                    .isEqualTo((long) ROWS * (ROWS - 1) / 2);
            s.commit();
        }
    }

    @DatabaseTest
    void loadedEnhancedInstancesAreComparedOnceThenOnlyWhenWritten(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        for (int i = 0; i < 5; i++) {
            TrackedFixture.account(f, "a" + i);
        }
        try (Session s = f.open()) {
            FlushStats stats = TrackedFixture.stats(s);
            java.util.List<Account> all = s.select(Account.class).list();
            s.flush();
            assertThat(stats.compared()).as("the first flush compares what was loaded").isEqualTo(5);
            s.flush();
            assertThat(stats.compared()).as("a second flush compares nothing").isEqualTo(5);
            all.get(2).visit();
            s.flush();
            assertThat(stats.compared()).as("after one write, one comparison").isEqualTo(6);
            s.commit();
            assertThat(stats.compared()).as("the commit compares every held instance once").isEqualTo(11);
        }
    }

    @DatabaseTest
    void aReadInASessionThatHoldsNothingRunsNoFlushButOneAfterAnAddStillDoes(Engine engine) {
        long id = TrackedFixture.account(TrackedFixture.fresh(engine), "ann");
        SessionFactory f = SessionFactory.builder(engine)
                .entities(io.athanor.orm.model.tracked.Branch.class, Account.class, io.athanor.orm.model.tracked.Shelf.class,
                        io.athanor.orm.model.tracked.Parcel.class, Memo.class)
                .autoflush(true)
                .build();
        try (Session s = f.open()) {
            FlushStats stats = TrackedFixture.stats(s);
            assertThat(s.select(Memo.class).count()).isZero();
            assertThat(stats.flushes()).as("flushes before the first instance joined the session").isZero();
            s.add(new Memo("pending"));
            assertThat(s.select(Memo.class).count()).as("the autoflush wrote the pending memo").isEqualTo(1);
            assertThat(stats.flushes()).as("flushes once the session held a new instance").isEqualTo(1);
            assertThat(s.get(Account.class, id).getOwner()).isEqualTo("ann");
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Memo.class).count()).as("the rolled-back memo").isZero();
        }
    }

    @DatabaseTest
    void aClosedSessionsEnhancedInstancesNoLongerReportToItAndCarryTheirChangesIntoTheNext(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        Account a;
        try (Session s = f.open()) {
            a = s.get(Account.class, id);
            assertThat(((io.athanor.orm.enhance.Tracked) a).athanor$entry()).as("reports to its session while open").isNotNull();
        }
        assertThat(((io.athanor.orm.enhance.Tracked) a).athanor$entry()).as("reports to no one once closed").isNull();
        a.setOwner("bob"); // a write to a detached instance: no session hears it
        try (Session s = f.open()) {
            Account merged = s.merge(a);
            assertThat(merged.getOwner()).isEqualTo("bob");
            s.commit();
        }
        assertThat(TrackedFixture.stored(f, id).getOwner()).isEqualTo("bob");
    }

    @DatabaseTest
    void aSessionClosedByAListenerWhileItsFlushWritesReportsTheFlushsOwnFailureAndKeepsNothing(Engine engine) {
        SessionFactory f = TrackedFixture.fresh(engine);
        long id = TrackedFixture.account(f, "ann");
        Session s = f.open();
        Account a = s.get(Account.class, id);
        a.setOwner("bob");
        RuntimeException failure = null;
        try (io.athanor.orm.engine.Registration r = engine.events().beforeExecute(e -> {
            if (e.sql().toLowerCase(java.util.Locale.ROOT).startsWith("update") && s.isOpen()) {
                s.close();
                throw new IllegalStateException("listener failed");
            }
        })) {
            s.flush();
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).as("the flush failed").isNotNull();
        assertThat(failure).as("with its own error, not the map's bookkeeping").isNotInstanceOf(IndexOutOfBoundsException.class);
        assertThat(((io.athanor.orm.enhance.Tracked) a).athanor$entry()).as("the instance reports to no one").isNull();
        assertThat(TrackedFixture.stored(f, id).getOwner()).as("the row").isEqualTo("ann");
    }
}
