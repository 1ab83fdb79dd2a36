package io.athanor.orm.jpa;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.jpa.Customer;
import io.athanor.orm.model.jpa.Customer_;
import io.athanor.orm.model.jpa.OrderLine;
import io.athanor.orm.model.jpa.OrderLine_;
import io.athanor.orm.model.jpa.Profile;
import io.athanor.orm.model.jpa.PurchaseOrder;
import io.athanor.orm.model.jpa.PurchaseOrder_;
import io.athanor.orm.model.jpa.Sku;
import io.athanor.orm.model.jpa.Status;
import io.athanor.orm.model.jpa.Tag;
import io.athanor.orm.model.jpa.Tag_;
import io.athanor.orm.model.jpa.Tier;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entities written the Jakarta Persistence way, through the same paths as Athanor's own annotations:
 * schema, flush, every loader strategy, queries over the generated metamodel, optimistic locking,
 * cascades and orphan removal.
 */
class JakartaEntitiesTest {

    private static long count(SessionFactory f, String table) {
        return f.inTransaction(s -> ((Number) s.execute(text("SELECT COUNT(*) FROM " + table), Map.of()).one().get(0))
                .longValue());
    }

    @DatabaseTest
    void theSchemaIsTheOneTheJakartaAnnotationsDescribe(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        String ddl = f.schema().createSql();
        assertThat(ddl).contains("jpa_customers", "jpa_orders", "jpa_order_lines", "jpa_tags", "jpa_profiles",
                "jpa_customer_tags", "jpa_order_seq", "uq_jpa_customers_email", "city_name", "street", "placed_at");
        assertThat(ddl).as("an @Embedded value's columns are named as in JPA, without a prefix")
                .doesNotContain("address_street");
        f.runInTransaction(s -> {
            Customer c = new Customer("ada", "ada@example.org");
            c.setTier(Tier.PLATINUM);
            c.setStatus(Status.CLOSED);
            s.add(c);
        });
        Map<String, Object> row = f.inTransaction(s -> {
            var r = s.execute(text("SELECT tier, status FROM jpa_customers"), Map.of()).one();
            return Map.of("tier", r.get(0), "status", ((Number) r.get(1)).intValue());
        });
        assertThat(row).as("@Enumerated(STRING) by name; an enum without @Enumerated by ordinal, JPA's default")
                .containsEntry("tier", "PLATINUM").containsEntry("status", 2);
    }

    @DatabaseTest
    void aFlushWritesTheGraphWithKeysFromIdentitySequenceAndUuid(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        Customer saved = f.inTransaction(s -> {
            Customer c = new Customer("ada", "ada@example.org");
            PurchaseOrder o = c.order("r1", new BigDecimal("12.50"), JpaFixture.T0);
            o.line(new Sku("bolt", 7), 3);
            c.setProfile(new Profile(c, "engineer"));
            Tag tag = new Tag("early");
            c.getTags().add(tag);
            s.add(c);
            s.add(tag);
            return c;
        });
        assertThat(saved.getId()).isNotNull();
        assertThat(saved.getOrders().get(0).getId()).as("from jpa_order_seq").isNotNull();
        assertThat(saved.getProfile().getId()).isInstanceOf(UUID.class);
        assertThat(saved.getVersion()).as("@Version starts at its initial value").isZero();
        assertThat(count(f, "jpa_orders")).isEqualTo(1);
        assertThat(count(f, "jpa_order_lines")).isEqualTo(1);
        assertThat(count(f, "jpa_customer_tags")).isEqualTo(1);
        try (Session s = f.open()) {
            Customer c = s.get(Customer.class, saved.getId());
            assertThat(c.getAddress()).isNull();
            assertThat(c.getProfile().getBio()).isEqualTo("engineer");
            assertThat(c.getTags()).extracting(Tag::getLabel).containsExactly("early");
            OrderLine line = c.getOrders().get(0).getLines().get(0);
            assertThat(line.getSku()).as("through the Jakarta converter").isEqualTo(new Sku("bolt", 7));
            assertThat(c.getDisplayNote()).as("@Transient").isNull();
        }
    }

    private static String load(SessionFactory f, Engine engine, int statements, Load... options) {
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Customer> customers = s.select(Customer.class).orderBy(Customer_.id).options(options).list();
            String data = JpaFixture.describe(customers);
            assertThat(sql.count()).as("statements for %s", List.of(options)).isEqualTo(statements);
            return data;
        }
    }

    @DatabaseTest
    void everyLoaderStrategyLoadsTheSameData(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        JpaFixture.seed(f, 4, 3);
        // LAZY collections, both levels: 1 for the customers, 4 for their orders, 12 for the orders' lines
        String lazy = load(f, engine, 1 + 4 + 12);
        assertThat(lazy).startsWith("c0:r0.2=bolt-2x1+nut-2x2,r0.1=bolt-1x1+nut-1x2,r0.0=");
        assertThat(load(f, engine, 1 + 12, joinedLoad(Customer_.orders))).isEqualTo(lazy);
        assertThat(load(f, engine, 2 + 12, selectinLoad(Customer_.orders))).isEqualTo(lazy);
        assertThat(load(f, engine, 3, selectinLoad(Customer_.orders).selectinLoad(PurchaseOrder_.lines)))
                .isEqualTo(lazy);
        assertThat(load(f, engine, 2 + 12, subqueryLoad(Customer_.orders))).isEqualTo(lazy);
        assertThat(load(f, engine, 1 + 4 + 12, lazyLoad(Customer_.orders))).isEqualTo(lazy);
    }

    @DatabaseTest
    void fetchTypesMapOntoLazyReferencesAndJoinedLoading(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        JpaFixture.seed(f, 1, 1);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            PurchaseOrder order = s.select(PurchaseOrder.class).one();
            assertThat(Athanor.isLoaded(order, PurchaseOrder_.customer)).as("@ManyToOne(fetch = LAZY)").isFalse();
            List<OrderLine> lines = s.select(OrderLine.class).list();
            assertThat(sql.count()).as("an EAGER @ManyToOne (the default) loads in its owner's statement").isEqualTo(2);
            assertThat(lines).allSatisfy(l -> assertThat(l.getOrder()).isSameAs(order));
        }
    }

    @DatabaseTest
    void queriesUseTheGeneratedMetamodel(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        JpaFixture.seed(f, 4, 2);
        try (Session s = f.open()) {
            // tag::query[]
            List<Customer> inParis = s.select(Customer.class)
                    .where(Customer_.address.city.eq("Paris"))     // Customer_ is generated from the Jakarta annotations
                    .orderBy(Customer_.name)
                    .options(selectinLoad(Customer_.orders))
                    .list();
            // end::query[]
            assertThat(inParis).extracting(Customer::getName).containsExactly("c0", "c2");
            assertThat(inParis.get(0).getOrders()).hasSize(2);
            assertThat(s.select(Customer.class).where(Customer_.tier.eq(Tier.GOLD)).list()).hasSize(2);
            assertThat(s.select(Customer.class).where(Customer_.status.eq(Status.ACTIVE)).list()).hasSize(4);
            assertThat(s.select(OrderLine.class).where(OrderLine_.sku.eq(new Sku("nut", 1))).list()).hasSize(4);
            assertThat(s.select(PurchaseOrder.class).where(PurchaseOrder_.total.gt(new BigDecimal("20")))
                    .orderBy(PurchaseOrder_.total).list()).extracting(PurchaseOrder::getReference)
                    .containsExactly("r2.0", "r2.1", "r3.0", "r3.1");
            assertThat(s.select(Tag.class).where(Tag_.label.eq("vip")).one().getCustomers())
                    .extracting(Customer::getName).containsExactlyInAnyOrder("c0", "c2");
        }
    }

    @DatabaseTest
    void theVersionColumnRefusesAConcurrentUpdate(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        JpaFixture.seed(f, 1, 0);
        try (Session a = f.open(); Session b = f.open()) {
            Customer first = a.select(Customer.class).one();
            Customer second = b.select(Customer.class).one();
            first.setName("first");
            a.commit();
            assertThat(first.getVersion()).isEqualTo(1);
            second.setName("second");
            assertThatThrownBy(b::commit).isInstanceOf(StaleObjectException.class);
            b.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Customer.class).one().getName()).isEqualTo("first");
        }
    }

    @DatabaseTest
    void cascadesAndOrphanRemovalFollowTheJakartaAttributes(Engine engine) {
        SessionFactory f = JpaFixture.fresh(engine);
        JpaFixture.seed(f, 2, 2);
        assertThat(count(f, "jpa_order_lines")).isEqualTo(8);
        f.runInTransaction(s -> {
            PurchaseOrder order = s.select(PurchaseOrder.class).where(PurchaseOrder_.reference.eq("r0.0")).one();
            order.getLines().remove(0);                                  // orphanRemoval = true
        });
        assertThat(count(f, "jpa_order_lines")).isEqualTo(7);
        f.runInTransaction(s -> {
            Customer c0 = s.select(Customer.class).where(Customer_.name.eq("c0")).one();
            c0.setProfile(new Profile(c0, "to go"));
        });
        assertThat(count(f, "jpa_profiles")).as("cascade ALL on the inverse @OneToOne persists").isEqualTo(1);
        f.runInTransaction(s -> s.delete(s.select(Customer.class).where(Customer_.name.eq("c0")).one()));
        assertThat(count(f, "jpa_customers")).isEqualTo(1);
        assertThat(count(f, "jpa_orders")).as("cascade ALL removes the orders").isEqualTo(2);
        assertThat(count(f, "jpa_order_lines")).as("and their lines").isEqualTo(4);
        assertThat(count(f, "jpa_profiles")).isZero();
        assertThat(count(f, "jpa_customer_tags")).as("and the link rows").isZero();
    }
}
