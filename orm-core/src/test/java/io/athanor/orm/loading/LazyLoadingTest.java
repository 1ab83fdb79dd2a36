package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.athanor.orm.Athanor;
import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.EntityNotFoundException;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.NPlusOneException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Purchase_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import org.slf4j.LoggerFactory;

/** SELECT (lazy) loading: lazy collections, Byte Buddy references, detached access, and N+1 detection. */
class LazyLoadingTest {

    @DatabaseTest
    void aLazyReferenceLoadsOnItsFirstCallOtherThanTheIdGetter(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 2, 2);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Purchase> purchases = s.select(Purchase.class).orderBy(Purchase_.id).list();
            Customer customer = purchases.get(0).getCustomer();
            assertThat(purchases.get(1).getCustomer()).as("one instance per key").isSameAs(customer);
            assertThat(customer).isInstanceOf(Customer.class);
            assertThat(Athanor.entityClass(customer)).isEqualTo(Customer.class);
            assertThat(Athanor.isLoaded(customer)).isFalse();
            assertThat(Athanor.isLoaded(purchases.get(0), Purchase_.customer)).isFalse();
            Long id = customer.getId();
            assertThat(id).isNotNull();
            assertThat(customer.equals(customer)).isTrue();
            assertThat(customer.hashCode()).isEqualTo(System.identityHashCode(customer));
            assertThat(sql.count()).as("id getter, equals and hashCode do not load").isEqualTo(1);
            assertThat(customer.getName()).isEqualTo("c000");
            assertThat(Athanor.isLoaded(customer)).isTrue();
            assertThat(sql.count()).isEqualTo(2);
            assertThat(customer.getName()).isEqualTo("c000");
            assertThat(s.get(Customer.class, id)).isSameAs(customer);
            assertThat(sql.count()).as("loaded once, then from the identity map").isEqualTo(2);
        }
    }

    @DatabaseTest
    void anEntitysOwnToStringReadsItsStateSoItLoads(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1, 1);
        try (Session s = f.open()) {
            Customer customer = s.select(Purchase.class).one().getCustomer();
            assertThat(Athanor.isLoaded(customer)).isFalse();
            assertThat(customer.toString()).isEqualTo("Customer c000");
        }
    }

    @DatabaseTest
    void aLazyCollectionLoadsOnFirstUseAndChangesToItAreFlushed(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 2, 3);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Customer c = s.select(Customer.class).where(Customer_.name.eq("c001")).one();
            assertThat(Athanor.isLoaded(c, Customer_.purchases)).isFalse();
            assertThat(c.getPurchases().toString()).isEqualTo("[not loaded]");
            assertThat(sql.count()).isEqualTo(1);
            assertThat(c.getPurchases()).extracting(Purchase::getItem).containsExactly("item 00", "item 01", "item 02");
            assertThat(sql.count()).isEqualTo(2);
            assertThat(c.getPurchases()).allSatisfy(p -> assertThat(p.getCustomer()).isSameAs(c));
            s.add(c.buy("item 03", 7));
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Customer.class).where(Customer_.name.eq("c001")).one().getPurchases()).hasSize(4);
        }
    }

    @DatabaseTest
    void touchingAnUnloadedRelationshipAfterCloseSaysWhatToDo(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1, 1);
        Customer customer;
        Purchase purchase;
        try (Session s = f.open()) {
            customer = s.select(Customer.class).one();
        }
        try (Session s = f.open()) {
            purchase = s.select(Purchase.class).options(selectinLoad(Purchase_.lines)).one();
        }
        assertThatThrownBy(() -> customer.getPurchases().size())
                .isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("Customer.purchases")
                .hasMessageContaining("selectinLoad(Customer_.purchases)")
                .hasMessageContaining("merge");
        assertThat(purchase.getLines()).as("what was loaded stays usable").hasSize(2);
        Customer same = purchase.getCustomer();
        assertThat(same.getId()).isEqualTo(customer.getId());
        assertThatThrownBy(same::getName)
                .isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("Purchase.customer")
                .hasMessageContaining("merge");
        try (Session s = f.open()) {
            Customer attached = s.merge(customer);
            assertThat(attached.getPurchases()).hasSize(1);
        }
    }

    @DatabaseTest
    void getReferenceSetsAKeyWithoutReadingTheRow(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        LoadingFixture.seed(f, 1, 0);
        Long id = f.inTransaction(s -> s.select(Customer.class).one().getId());
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Customer ref = s.getReference(Customer.class, id);
            assertThat(s.getReference(Customer.class, id)).isSameAs(ref);
            s.add(new Purchase("by reference", 5, ref));
            s.commit();
            assertThat(sql.sql()).hasSize(1).allSatisfy(q -> assertThat(q).startsWith("INSERT"));
            assertThat(Athanor.isLoaded(ref)).isFalse();
        }
        try (Session s = f.open()) {
            Customer missing = s.getReference(Customer.class, -1L);
            assertThatThrownBy(missing::getName).isInstanceOf(EntityNotFoundException.class)
                    .hasMessageContaining("Customer").hasMessageContaining("-1");
            assertThat(s.select(Purchase.class).one().getCustomer().getName()).isEqualTo("c000");
        }
    }

    @DatabaseTest
    void nPlusOneFailNamesTheOptionThatAvoidsIt(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.FAIL);
        LoadingFixture.seed(f, 3, 2);
        try (Session s = f.open()) {
            List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id).list();
            assertThat(customers.get(0).getPurchases()).hasSize(2);
            assertThatThrownBy(() -> customers.get(1).getPurchases().size())
                    .isInstanceOf(NPlusOneException.class)
                    .hasMessageContaining("Customer.purchases")
                    .hasMessageContaining(".options(selectinLoad(Customer_.purchases))");
        }
        try (Session s = f.open()) {
            Customer one = s.select(Customer.class).where(Customer_.name.eq("c000")).one();
            Customer two = s.select(Customer.class).where(Customer_.name.eq("c001")).one();
            assertThat(one.getPurchases()).hasSize(2);
            assertThat(two.getPurchases()).as("separate queries are not N+1").hasSize(2);
        }
        try (Session s = f.open(SessionOptions.defaults().withNPlusOne(NPlusOne.OFF))) {
            List<Customer> customers = s.select(Customer.class).list();
            assertThat(customers).allSatisfy(c -> assertThat(c.getPurchases()).hasSize(2));
        }
    }

    @DatabaseTest
    void nPlusOneWarnLogsOncePerRelationship(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.WARN);
        LoadingFixture.seed(f, 4, 1);
        Logger logger = (Logger) LoggerFactory.getLogger("io.athanor.orm.loading");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (Session s = f.open()) {
            List<Purchase> purchases = s.select(Purchase.class).list();
            for (Customer c : s.select(Customer.class).list()) {
                assertThat(c.getPurchases()).hasSize(1);
            }
            assertThat(purchases).allSatisfy(p -> assertThat(p.getCustomer().getName()).startsWith("c00"));
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("Customer.purchases").contains("selectinLoad(Customer_.purchases)"));
        assertThat(appender.list.stream().filter(e -> e.getFormattedMessage().contains("Customer.purchases")).count())
                .isEqualTo(1);
    }
}
