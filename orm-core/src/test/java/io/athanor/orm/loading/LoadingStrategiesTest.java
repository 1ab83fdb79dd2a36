package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.raiseLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.UnloadedRelationshipException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * The seed's strategy table, measured: 100 customers with 10 purchases each, every customer's purchases
 * touched, under each strategy. The statement counts here are the ones docs/loading.md quotes.
 */
class LoadingStrategiesTest {

    private static String run(SessionFactory f, Engine engine, int expectedStatements, Load... options) {
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id).options(options).list();
            String data = LoadingFixture.describe(customers);
            assertThat(customers).hasSize(100);
            assertThat(sql.count()).as("statements for %s", List.of(options)).isEqualTo(expectedStatements);
            return data;
        }
    }

    @DatabaseTest
    void everyStrategyLoadsTheSameDataWithItsOwnNumberOfStatements(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 100, 10);
        String lazy = run(f, engine, 1 + 100);
        assertThat(lazy.split(";")).hasSize(100);
        assertThat(lazy).startsWith("c000:item 00=0,item 01=1,");
        assertThat(run(f, engine, 1, joinedLoad(Customer_.purchases))).isEqualTo(lazy);
        assertThat(run(f, engine, 2, selectinLoad(Customer_.purchases))).isEqualTo(lazy);
        assertThat(run(f, engine, 2, subqueryLoad(Customer_.purchases))).isEqualTo(lazy);
        assertThat(run(f, engine, 1 + 100, lazyLoad(Customer_.purchases))).isEqualTo(lazy);
    }

    @DatabaseTest
    void raiseThrowsNamingTheRelationshipAndTheOptionThatLoadsIt(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 3, 2);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> customers = s.select(Customer.class).options(raiseLoad(Customer_.purchases)).list();
            assertThat(Athanor.isLoaded(customers.get(0), Customer_.purchases)).isFalse();
            assertThatThrownBy(() -> customers.get(0).getPurchases().size())
                    .isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Customer.purchases")
                    .hasMessageContaining("selectinLoad(Customer_.purchases)");
            assertThat(sql.count()).as("only the customers query ran").isEqualTo(1);
        }
    }

    @DatabaseTest
    void joinedLoadingCollapsesDuplicateParentRowsAndKeepsTheQueryOrder(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 5, 3);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> customers = s.select(Customer.class).orderBy(Customer_.name.desc())
                    .options(joinedLoad(Customer_.purchases)).list();
            assertThat(customers).extracting(Customer::getName).containsExactly("c004", "c003", "c002", "c001", "c000");
            assertThat(customers).allSatisfy(c -> {
                assertThat(Athanor.isLoaded(c, Customer_.purchases)).isTrue();
                assertThat(c.getPurchases()).extracting(Purchase::getItem).containsExactly("item 00", "item 01", "item 02");
                assertThat(c.getPurchases()).allSatisfy(p -> assertThat(p.getCustomer()).isSameAs(c));
            });
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql().get(0)).contains("LEFT OUTER JOIN purchases");
        }
    }

    @DatabaseTest
    void joinedLoadingWithLimitLimitsParentsNotRows(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 10, 4);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> page = s.select(Customer.class).orderBy(Customer_.name).offset(2).limit(3)
                    .options(joinedLoad(Customer_.purchases)).list();
            assertThat(page).extracting(Customer::getName).containsExactly("c002", "c003", "c004");
            assertThat(page).allSatisfy(c -> assertThat(c.getPurchases()).hasSize(4));
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void anEmptyCollectionIsLoadedAndEmptyUnderEveryStrategy(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        f.runInTransaction(s -> {
            s.add(new Customer("nobody"));
            Customer c = new Customer("somebody");
            s.add(c);
            s.add(c.buy("thing", 1));
        });
        for (Load option : List.of(joinedLoad(Customer_.purchases), selectinLoad(Customer_.purchases),
                subqueryLoad(Customer_.purchases))) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                List<Customer> customers = s.select(Customer.class).orderBy(Customer_.name).options(option).list();
                assertThat(customers.get(0).getName()).isEqualTo("nobody");
                assertThat(Athanor.isLoaded(customers.get(0), Customer_.purchases)).as("%s", option).isTrue();
                assertThat(customers.get(0).getPurchases()).isEmpty();
                assertThat(customers.get(1).getPurchases()).hasSize(1);
                int statements = sql.count();
                assertThat(statements).isLessThanOrEqualTo(2);
            }
        }
    }

    @DatabaseTest
    void optionsOverrideTheMappingAndLeaveOtherQueriesAlone(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 4, 2);
        try (Session s = f.open()) {
            List<Customer> eager = s.select(Customer.class).options(selectinLoad(Customer_.purchases)).list();
            assertThat(eager).allSatisfy(c -> assertThat(Athanor.isLoaded(c, Customer_.purchases)).isTrue());
        }
        try (Session s = f.open()) {
            List<Customer> lazy = s.select(Customer.class).list();
            assertThat(lazy).allSatisfy(c -> assertThat(Athanor.isLoaded(c, Customer_.purchases)).isFalse());
        }
    }

    @DatabaseTest
    void theIdentityMapIsSharedBetweenTheParentQueryAndItsLoaders(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 3, 2);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Purchase> purchases = s.select(Purchase.class).list();
            Customer first = s.select(Customer.class).orderBy(Customer_.id).options(selectinLoad(Customer_.purchases)).first();
            assertThat(first.getPurchases()).allSatisfy(p -> assertThat(purchases.stream().anyMatch(x -> x == p)).isTrue());
            assertThat(purchases.stream().filter(p -> p.getCustomer() == first).count()).isEqualTo(2);
            assertThat(sql.count()).isEqualTo(3);
        }
    }
}
