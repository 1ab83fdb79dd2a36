package io.athanor.orm.jpa;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.jpa.Address;
import io.athanor.orm.model.jpa.Customer;
import io.athanor.orm.model.jpa.OrderLine;
import io.athanor.orm.model.jpa.Profile;
import io.athanor.orm.model.jpa.PurchaseOrder;
import io.athanor.orm.model.jpa.Sku;
import io.athanor.orm.model.jpa.Tag;
import io.athanor.orm.model.jpa.Tier;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** The Jakarta Persistence model's factory, fresh tables, and data. */
final class JpaFixture {
    static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 12, 0);

    private JpaFixture() {
    }

    static SessionFactory fresh(Engine engine) {
        // tag::factory[]
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Customer.class, PurchaseOrder.class, OrderLine.class, Tag.class, Profile.class)
                .nPlusOne(NPlusOne.OFF)
                .build();
        // end::factory[]
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /**
     * {@code customers} customers c0.. (every second one GOLD, in Paris, tagged "vip"), each with
     * {@code orders} orders placed an hour apart, each order with two lines.
     */
    static void seed(SessionFactory f, int customers, int orders) {
        f.runInTransaction(s -> {
            Tag vip = new Tag("vip");
            s.add(vip);
            for (int c = 0; c < customers; c++) {
                Customer customer = new Customer("c" + c, "c" + c + "@example.org");
                customer.setAddress(new Address(c + " Main Street", c % 2 == 0 ? "Paris" : "Lyon"));
                if (c % 2 == 0) {
                    customer.setTier(Tier.GOLD);
                    customer.getTags().add(vip);
                }
                for (int o = 0; o < orders; o++) {
                    PurchaseOrder order = customer.order("r" + c + "." + o, new BigDecimal(c * 10 + o + ".50"),
                            T0.plusHours(o));
                    order.line(new Sku("bolt", o), 1);
                    order.line(new Sku("nut", o), 2);
                }
                s.add(customer);                       // cascade ALL: its orders and their lines too
            }
        });
    }

    /** Each customer's name and orders (newest first) with their lines: what every strategy must agree on. */
    static String describe(List<Customer> customers) {
        return customers.stream().map(c -> c.getName() + ":" + c.getOrders().stream()
                        .map(o -> o.getReference() + "=" + o.getLines().stream()
                                .map(l -> l.getSku().family() + "-" + l.getSku().number() + "x" + l.getQuantity())
                                .collect(Collectors.joining("+")))
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }
}
