package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.examples.docs.loading.Customer;
import io.athanor.examples.docs.loading.Customer_;
import io.athanor.examples.docs.mapping.Order;
import io.athanor.examples.docs.mapping.Order_;
import io.athanor.examples.docs.mapping.Place;
import io.athanor.examples.docs.mapping.User;
import io.athanor.examples.docs.mapping.User_;
import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.engine.Text;
import io.athanor.orm.query.CollectionAttribute;
import io.athanor.orm.query.NumberAttribute;
import io.athanor.orm.query.ReferenceAttribute;
import io.athanor.orm.query.StringAttribute;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The mapping guide's examples: two mapped entities and their schema, a converter, the metamodel. */
class GuideMappingExamplesTest {

    @Test
    void theEntitiesMapToTheirSchema() {
        try (Engine engine = Engine.builder("h2:mem:guide_mapping").build()) {
            // tag::session-factory[]
            SessionFactory sessions = SessionFactory.builder(engine)
                    .entities(User.class, Order.class)
                    .build();
            sessions.schema().createAll();
            // end::session-factory[]
            String ddl = sessions.schema().createSql();
            assertThat(ddl).contains("ON DELETE CASCADE", "DEFAULT CURRENT_TIMESTAMP", "(created_at)");
            try (Session s = sessions.open()) {
                s.insert(User.class).set(User_.name, "Ada").execute();
                Long id = s.select(User_.id).where(User_.name.eq("Ada")).scalar(Long.class);
                s.insert(Order.class).set(Order_.userId, id).set(Order_.amount, new BigDecimal("12.5")).execute();
                Row order = s.select(Order_.amount, Order_.createdAt).one();
                assertThat(order.get(0, BigDecimal.class)).isEqualByComparingTo("12.50");
                assertThat(order.get(1, LocalDateTime.class)).as("the server default").isNotNull();
                s.commit();

                User ada = s.get(User.class, id);
                assertThat(Athanor.isLoaded(ada, User_.orders)).as("SELECTIN loads with the user").isTrue();
                s.delete(User.class).where(User_.id.eq(id)).execute();
                assertThat(s.select(Order_.id).count()).as("ON DELETE CASCADE").isZero();
                s.commit();
            } finally {
                sessions.schema().dropAll();
            }
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aConverterStoresAnyTypeAsJsonb(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Place.class).build();
        sessions.schema().createAll();
        try {
            Long id = sessions.inTransaction(s -> {
                Place home = new Place("Marylebone", new Place.Point(3, -4));
                s.add(home);
                s.flush();
                return home.getId();
            });
            try (Session s = sessions.open()) {
                assertThat(s.get(Place.class, id).getLocation()).isEqualTo(new Place.Point(3, -4));
            }
            try (Connection c = engine.connect()) {
                Row row = c.execute(Text.text("select location ->> 'y' as y, pg_typeof(location)::text as t from places")).one();
                assertThat(row.get("y", String.class)).isEqualTo("-4");
                assertThat(row.get("t", String.class)).isEqualTo("jsonb");
            }
        } finally {
            sessions.schema().dropAll();
        }
    }

    @Test
    void theMetamodelHasATypedHandlePerField() {
        // tag::metamodel[]
        StringAttribute<User> name = User_.name;
        NumberAttribute<Order, BigDecimal> amount = Order_.amount;
        CollectionAttribute<User, Order> orders = User_.orders;
        ReferenceAttribute<Order, User> user = Order_.user;
        StringAttribute<Customer> city = Customer_.address.city;     // a field of an embedded value: path "address.city"
        // end::metamodel[]
        assertThat(name.path()).isEqualTo("name");
        assertThat(amount.javaType()).isEqualTo(BigDecimal.class);
        assertThat(orders.path()).isEqualTo("orders");
        assertThat(user.entityType()).isEqualTo(Order.class);
        assertThat(city.path()).isEqualTo("address.city");
        assertThat(city.entityType()).isEqualTo(Customer.class);
    }
}
