package io.athanor.examples.docs;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.raiseLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.examples.docs.loading.Address;
import io.athanor.examples.docs.loading.Customer;
import io.athanor.examples.docs.loading.Customer_;
import io.athanor.examples.docs.loading.Line;
import io.athanor.examples.docs.loading.Note;
import io.athanor.examples.docs.loading.Purchase;
import io.athanor.examples.docs.loading.Purchase_;
import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.examples.model.User_;
import io.athanor.orm.Athanor;
import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.UnloadedRelationshipException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loading guide's examples: loader options for one query, and lazy references. Customers have
 * purchases with lines, and notes, all lazy by mapping; the example app's users are there too.
 */
class GuideLoadingExamplesTest {
    private Engine engine;
    private SessionFactory sessions;
    private Long purchaseId;

    @BeforeEach
    void open() {
        engine = Engine.builder("h2:mem:guide_loading").build();
        sessions = SessionFactory.builder(engine)
                .entities(User.class, Order.class, Article.class, Customer.class, Purchase.class, Line.class, Note.class)
                .build();
        sessions.schema().createAll();
        purchaseId = sessions.inTransaction(s -> {
            Long first = null;
            for (String name : List.of("Ada", "Grace")) {
                User user = new User(name);
                s.add(user);
                s.add(new Order(user, "Notebook", new BigDecimal("12.50"), LocalDateTime.now()));
                Customer customer = new Customer(name, new Address("1 Engine Street", "London"));
                s.add(customer);
                s.add(new Note("prefers mail", customer));
                for (String item : List.of("gears", "punched cards")) {
                    Purchase purchase = new Purchase(item, customer);
                    s.add(purchase);
                    s.add(new Line(1, purchase));
                    s.add(new Line(2, purchase));
                    s.flush();
                    first = first == null ? purchase.getId() : first;
                }
            }
            return first;
        });
    }

    @AfterEach
    void close() {
        sessions.schema().dropAll();
        engine.close();
    }

    @Test
    void optionsChooseTheStrategyForOneQuery() {
        try (Session session = sessions.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // tag::per-query-options[]
            List<User> users = session.select(User.class)
                    .options(joinedLoad(User_.orders))                                 // this query only
                    .list();

            List<Customer> customers = session.select(Customer.class)
                    .options(selectinLoad(Customer_.purchases).joinedLoad(Purchase_.lines),  // paths several levels deep
                             raiseLoad(Customer_.notes))
                    .list();
            // end::per-query-options[]
            assertThat(users).allSatisfy(u -> assertThat(Athanor.isLoaded(u, User_.orders)).isTrue());
            assertThat(sql.sql()).hasSize(3);
            assertThat(sql.sql().get(0)).as("users and orders in one statement").containsIgnoringCase("left outer join");
            assertThat(customers).hasSize(2).allSatisfy(c -> {
                assertThat(c.getPurchases()).hasSize(2).allSatisfy(p -> assertThat(p.getLines()).hasSize(2));
                assertThatThrownBy(() -> c.getNotes().size()).isInstanceOf(UnloadedRelationshipException.class)
                        .hasMessageContaining("notes");
            });
            assertThat(sql.count()).as("purchases and their lines came with the query").isEqualTo(3);
        }
    }

    @Test
    void aPathThatDoesNotFitIsRefused() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.select(User.class).options(joinedLoad(Customer_.purchases)).list())
                    .isInstanceOf(AthanorException.class);
        }
    }

    @Test
    void aLazyReferenceReadsItsRowOnFirstUse() {
        Customer detached;
        try (Session session = sessions.open()) {
            Purchase purchase = session.get(Purchase.class, purchaseId);
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                // tag::lazy-references[]
                Customer c = purchase.getCustomer();
                boolean read = Athanor.isLoaded(c);                              // false: nothing read yet
                Long id = c.getId();                                             // no statement
                String name = c.getName();                                       // SELECT ... WHERE id = ?
                Class<?> type = Athanor.entityClass(c);                          // Customer.class, not the generated subclass
                boolean purchases = Athanor.isLoaded(c, Customer_.purchases);    // whether a relationship holds its value
                Customer other = session.getReference(Customer.class, 42L);      // a lazy reference without a statement
                // end::lazy-references[]
                assertThat(read).isFalse();
                assertThat(name).isEqualTo("Ada");
                assertThat(type).isEqualTo(Customer.class);
                assertThat(c.getClass()).isNotEqualTo(Customer.class);
                assertThat(purchases).isFalse();
                assertThat(Athanor.isLoaded(other)).isFalse();
                assertThat(other.getId()).isEqualTo(42L);
                assertThat(sql.count()).as("only getName() read a row").isEqualTo(1);
                assertThat(sql.statements().get(0).parameters()).contains(id);
                assertThat(session.get(Customer.class, id)).as("one instance per key").isSameAs(c);
                detached = c;
            }
        }
        assertThat(detached.getName()).as("what was loaded stays usable").isEqualTo("Ada");
        assertThatThrownBy(() -> detached.getPurchases().size()).isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("selectinLoad").hasMessageContaining("merge");
    }
}
