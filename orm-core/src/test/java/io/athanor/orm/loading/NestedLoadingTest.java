package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.loading.Category;
import io.athanor.orm.model.loading.Category_;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Line;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Purchase_;
import io.athanor.orm.query.Load;
import io.athanor.orm.query.Sql;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.stream.Collectors;

/** Paths several levels deep, to-one relationships, and self-referencing trees. */
class NestedLoadingTest {

    private static String lines(List<Customer> customers) {
        return customers.stream().flatMap(c -> c.getPurchases().stream())
                .map(p -> p.getItem() + p.getLines().stream().map(l -> "/" + l.getQuantity()).collect(Collectors.joining()))
                .collect(Collectors.joining(","));
    }

    private static String loadTwoLevels(SessionFactory f, Engine engine, int statements, Load option) {
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id).options(option).list();
            assertThat(sql.count()).as("%s", option).isEqualTo(statements);
            String data = lines(customers);
            assertThat(sql.count()).as("touching loaded paths of %s", option).isEqualTo(statements);
            return data;
        }
    }

    @DatabaseTest
    void pathsTwoLevelsDeepLoadInOneStatementPerLevelOrOneInAll(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 20, 3);
        String expected = loadTwoLevels(f, engine, 3, selectinLoad(Customer_.purchases).selectinLoad(Purchase_.lines));
        assertThat(expected).startsWith("item 00/1/2,item 01,item 02,item 00/1/2");
        assertThat(loadTwoLevels(f, engine, 1, joinedLoad(Customer_.purchases).joinedLoad(Purchase_.lines))).isEqualTo(expected);
        assertThat(loadTwoLevels(f, engine, 2, selectinLoad(Customer_.purchases).joinedLoad(Purchase_.lines)))
                .isEqualTo(expected);
        assertThat(loadTwoLevels(f, engine, 3, subqueryLoad(Customer_.purchases).subqueryLoad(Purchase_.lines)))
                .isEqualTo(expected);
        assertThat(loadTwoLevels(f, engine, 2, joinedLoad(Customer_.purchases).selectinLoad(Purchase_.lines)))
                .isEqualTo(expected);
    }

    @DatabaseTest
    void toOneJoinedIsAnInnerJoinWhenTheKeyIsRequired(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 4, 3);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Purchase> purchases = s.select(Purchase.class).options(joinedLoad(Purchase_.customer)).list();
            assertThat(purchases).hasSize(12);
            assertThat(purchases).allSatisfy(p -> assertThat(Athanor.isLoaded(p.getCustomer())).isTrue());
            assertThat(purchases.stream().map(Purchase::getCustomer).distinct().count()).isEqualTo(4);
            assertThat(sql.sql().get(0)).contains(" JOIN customers").doesNotContain("OUTER JOIN customers");
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void toOneSelectinAndSubqueryLoadEachReferencedRowOnce(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 4, 3);
        for (Load option : List.of(selectinLoad(Purchase_.customer), subqueryLoad(Purchase_.customer))) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                List<Purchase> purchases = s.select(Purchase.class).where(Purchase_.amount.lt(300L)).options(option).list();
                assertThat(purchases).hasSize(9);
                assertThat(purchases).allSatisfy(p -> assertThat(Athanor.isLoaded(p.getCustomer())).isTrue());
                assertThat(purchases).extracting(p -> p.getCustomer().getName()).contains("c000", "c001", "c002");
                assertThat(sql.count()).as("%s", option).isEqualTo(2);
            }
        }
    }

    @DatabaseTest
    void aSelfReferencingTreeLoadsOneStatementPerLevel(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        f.runInTransaction(s -> {
            Category root = new Category("root", null);
            Category a = new Category("a", root);
            Category b = new Category("b", root);
            s.add(root);
            s.add(a);
            s.add(b);
            s.add(new Category("a1", a));
            s.add(new Category("a2", a));
            s.add(new Category("b1", b));
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Category root = s.select(Category.class).where(Category_.parent.isNull()).one();
            assertThat(root.getChildren()).extracting(Category::getName).containsExactly("a", "b");
            assertThat(root.getChildren().get(0).getChildren()).extracting(Category::getName).containsExactly("a1", "a2");
            assertThat(root.getChildren().get(1).getChildren()).extracting(Category::getName).containsExactly("b1");
            assertThat(root.getChildren().get(0).getChildren().get(0).getChildren()).isEmpty();
            assertThat(root.getChildren().get(0).getParent()).isSameAs(root);
            assertThat(sql.count()).as("root, children, grandchildren, and the empty level below").isEqualTo(4);
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Category> all = s.select(Category.class).options(joinedLoad(Category_.children)).orderBy(Category_.name).list();
            assertThat(all).extracting(Category::getName).containsExactly("a", "a1", "a2", "b", "b1", "root");
            Category root = all.get(5);
            assertThat(root.getChildren()).extracting(Category::getName).containsExactly("a", "b");
            assertThat(sql.count()).as("joined does not join the tree into itself again").isLessThanOrEqualTo(2);
        }
    }

    @DatabaseTest
    void badOptionsAreRefusedWithWhatIsWrong(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        assertThatThrownBy(() -> selectinLoad(Customer_.purchases).selectinLoad(Customer_.purchases))
                .isInstanceOf(AthanorException.class).hasMessageContaining("must belong to Purchase");
        assertThatThrownBy(() -> selectinLoad(Customer_.name)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("not a relationship");
        try (Session s = f.open()) {
            assertThatThrownBy(() -> s.select(Purchase.class).options(selectinLoad(Customer_.purchases)).list())
                    .isInstanceOf(AthanorException.class).hasMessageContaining("not a relationship of Purchase");
            assertThatThrownBy(() -> s.select(Customer_.name).options(selectinLoad(Customer_.purchases)))
                    .isInstanceOf(AthanorException.class).hasMessageContaining("entity selects");
        }
        assertThat(Sql.select(Customer.class).options(selectinLoad(Customer_.purchases)))
                .isNotNull();
        assertThat(Line.class).isNotNull();
    }
}
