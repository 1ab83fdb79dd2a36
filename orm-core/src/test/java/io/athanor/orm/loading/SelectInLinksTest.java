package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Athanor;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Category;
import io.athanor.orm.model.loading.Category_;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Purchase_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * Children loaded with their parents (select-in, joined, subquery) hold their parent, the one instance the session has
 * for its row, with no statement of their own; their collections keep the relationship's order; a flush after the
 * load writes nothing, and one change writes one row.
 */
class SelectInLinksTest {
    private static final int CUSTOMERS = 4;
    private static final int PURCHASES = 5;

    @DatabaseTest
    void childrenHoldTheParentInHandWithoutAStatement(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.FAIL);
        LoadingFixture.seed(f, CUSTOMERS, PURCHASES);
        for (Load load : List.of(selectinLoad(Customer_.purchases), joinedLoad(Customer_.purchases),
                subqueryLoad(Customer_.purchases))) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id).options(load).list();
                int statements = sql.count();
                assertThat(customers).as(load.toString()).hasSize(CUSTOMERS);
                for (Customer c : customers) {
                    assertThat(Athanor.isLoaded(c, Customer_.purchases)).isTrue();
                    List<String> items = new ArrayList<>();
                    for (Purchase p : c.getPurchases()) {
                        assertThat(Athanor.isLoaded(p, Purchase_.customer)).as(load.toString()).isTrue();
                        assertThat(p.getCustomer()).as(load.toString()).isSameAs(c);
                        assertThat(s.get(Purchase.class, p.getId())).isSameAs(p);
                        items.add(p.getItem());
                    }
                    assertThat(items).as("in the relationship's order").containsExactly("item 00", "item 01", "item 02",
                            "item 03", "item 04");
                }
                assertThat(sql.count()).as("no statement for a child's parent, %s", load).isEqualTo(statements);
                assertThat(s.get(Customer.class, customers.get(1).getId())).isSameAs(customers.get(1));
            }
        }
    }

    @DatabaseTest
    void aFlushAfterTheLoadWritesNothingAndOneChangeWritesOneRow(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.FAIL);
        LoadingFixture.seed(f, CUSTOMERS, PURCHASES);
        for (Load load : List.of(selectinLoad(Customer_.purchases), joinedLoad(Customer_.purchases))) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id).options(load).list();
                sql.clear();
                s.flush();
                assertThat(sql.sql()).as("a flush after %s", load).isEmpty();
                Purchase second = customers.get(2).getPurchases().get(1);
                second.setAmount(second.getAmount() + 1_000);
                s.flush();
                assertThat(sql.sql()).as(load.toString()).hasSize(1);
                assertThat(sql.sql().get(0)).startsWithIgnoringCase("update");
                s.commit();
            }
        }
        try (Session s = f.open()) {
            List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id)
                    .options(selectinLoad(Customer_.purchases)).list();
            assertThat(customers.get(2).getPurchases().get(1).getAmount()).isEqualTo(201L + 2_000);
            assertThat(customers.get(1).getPurchases().get(1).getAmount()).isEqualTo(101L);
        }
    }

    @DatabaseTest
    void aTreeLoadedLevelByLevelGivesEachNodeTheInstanceAboveIt(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.FAIL);
        f.runInTransaction(s -> {
            Category root = new Category("root", null);
            Category a = new Category("a", root);
            Category b = new Category("b", root);
            s.add(root);
            s.add(a);
            s.add(b);
            s.add(new Category("a2", a));
            s.add(new Category("a1", a));
            s.add(new Category("b1", b));
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Category> roots = s.select(Category.class).where(Category_.name.eq("root")).list();
            int statements = sql.count();
            Category root = roots.get(0);
            assertThat(root.getParent()).isNull();
            List<String> seen = new ArrayList<>();
            for (Category child : root.getChildren()) {
                assertThat(child.getParent()).isSameAs(root);
                for (Category grandchild : child.getChildren()) {
                    assertThat(grandchild.getParent()).isSameAs(child);
                    assertThat(grandchild.getChildren()).isEmpty();
                    seen.add(child.getName() + "/" + grandchild.getName());
                }
            }
            assertThat(seen).containsExactly("a/a1", "a/a2", "b/b1");
            assertThat(sql.count()).as("every level read by the query's own statements").isEqualTo(statements);
            sql.clear();
            s.flush();
            assertThat(sql.count()).isZero();
        }
    }
}
