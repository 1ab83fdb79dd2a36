package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Purchase_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that read many rows and few, in turn: a session sizes its identity map ahead from what the statement
 * read before, and holds, finds and writes what it read exactly as it would without.
 */
class PresizedLoadingTest {
    private static final int CUSTOMERS = 1_500;

    @DatabaseTest
    void oneStatementReadingManyRowsAndFewInTurnHoldsEachInstanceOnce(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, CUSTOMERS, 2);
        List<Long> ids = ids(f);
        for (Load load : List.of(joinedLoad(Customer_.purchases), selectinLoad(Customer_.purchases))) {
            for (int round = 0; round < 2; round++) {
                for (int count : new int[] {CUSTOMERS, 3, CUSTOMERS, 1, 1, CUSTOMERS}) {
                    try (Session s = f.open()) {
                        checkHeld(s, upTo(s, ids.get(count - 1), load), count);
                    }
                }
            }
        }
        try (Session s = f.open()) {
            List<Customer> limited = s.select(Customer.class).orderBy(Customer_.id).limit(5_000).list();
            assertThat(limited).hasSize(CUSTOMERS).doesNotHaveDuplicates();
            assertThat(s.get(Customer.class, ids.get(7))).isSameAs(limited.get(7));
        }
    }

    @DatabaseTest
    void aSmallReadThenALargeOneInOneSessionShareTheirInstancesAndFlushWhatChanged(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, CUSTOMERS, 2);
        List<Long> ids = ids(f);
        Load joined = joinedLoad(Customer_.purchases);
        try (Session s = f.open()) {
            upTo(s, ids.get(CUSTOMERS - 1), joined); // the statement's last reads were large, twice
            upTo(s, ids.get(CUSTOMERS - 1), joined);
        }
        try (Session s = f.open()) {
            List<Customer> few = upTo(s, ids.get(2), joined);
            List<Customer> all = upTo(s, ids.get(CUSTOMERS - 1), joined);
            List<Customer> fewAgain = upTo(s, ids.get(2), joined);
            checkHeld(s, all, CUSTOMERS);
            assertThat(all.subList(0, 3)).containsExactlyElementsOf(few).containsExactlyElementsOf(fewAgain);
            for (int i = 0; i < CUSTOMERS; i += 100) {
                all.get(i).setName("renamed " + i);
            }
            s.commit();
        }
        try (Session s = f.open()) {
            List<Customer> all = s.select(Customer.class).orderBy(Customer_.id).list();
            for (int i = 0; i < CUSTOMERS; i++) {
                assertThat(all.get(i).getName()).isEqualTo(i % 100 == 0 ? "renamed " + i : String.format("c%03d", i));
            }
        }
    }

    @DatabaseTest
    void afterALargeReadInstancesLeaveJoinAndAreKeyedAsWithout(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, CUSTOMERS, 2);
        List<Long> ids = ids(f);
        Load joined = joinedLoad(Customer_.purchases);
        List<Long> added = new ArrayList<>();
        try (Session s = f.open()) {
            upTo(s, ids.get(CUSTOMERS - 1), joined);
        }
        try (Session s = f.open()) {
            List<Customer> all = upTo(s, ids.get(CUSTOMERS - 1), joined);
            for (int i = 0; i < CUSTOMERS; i += 10) {
                s.expunge(all.get(i));
            }
            for (int i = 0; i < CUSTOMERS; i += 10) {
                Customer again = s.get(Customer.class, ids.get(i));
                assertThat(again).isNotSameAs(all.get(i)).extracting(Customer::getName).isEqualTo(all.get(i).getName());
                assertThat(s.get(Customer.class, ids.get(i))).isSameAs(again);
            }
            List<Customer> fresh = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Customer c = new Customer("new " + i);
                s.add(c);
                s.add(c.buy("first", i));
                fresh.add(c);
            }
            List<Purchase> deleted = new ArrayList<>();
            for (int i = 1; i < CUSTOMERS; i += 75) {
                Purchase second = all.get(i).getPurchases().get(1);
                s.delete(second);
                deleted.add(second);
            }
            s.flush();
            for (Customer c : fresh) {
                assertThat(c.getId()).isNotNull();
                assertThat(s.get(Customer.class, c.getId())).isSameAs(c);
                added.add(c.getId());
            }
            for (Purchase p : deleted) {
                assertThat(s.contains(p)).isFalse();
            }
            assertThat(s.get(Customer.class, ids.get(1))).isSameAs(all.get(1));
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Customer.class).list()).hasSize(CUSTOMERS + 50);
            assertThat(s.select(Purchase.class).list()).hasSize(2 * CUSTOMERS + 50 - 20);
            assertThat(s.select(Purchase.class).where(Purchase_.item.eq("first")).list()).hasSize(50);
            assertThat(s.get(Customer.class, added.get(49)).getName()).isEqualTo("new 49");
        }
    }

    private static List<Long> ids(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(Customer.class).orderBy(Customer_.id).list().stream().map(Customer::getId).toList();
        }
    }

    /** The customers with ids up to {@code last}, their purchases loaded with {@code load}: one statement shape for any count. */
    private static List<Customer> upTo(Session s, long last, Load load) {
        return s.select(Customer.class).where(Customer_.id.le(last)).orderBy(Customer_.id).options(load).list();
    }

    /** Each customer once with its two purchases, pointing back at it, and found by key as the same instances. */
    private static void checkHeld(Session s, List<Customer> read, int count) {
        assertThat(read).hasSize(count).doesNotHaveDuplicates();
        for (Customer c : read) {
            assertThat(c.getPurchases()).hasSize(2).allSatisfy(p -> assertThat(p.getCustomer()).isSameAs(c));
            assertThat(s.get(Customer.class, c.getId())).isSameAs(c);
            for (Purchase p : c.getPurchases()) {
                assertThat(s.get(Purchase.class, p.getId())).isSameAs(p);
            }
        }
    }
}
