package io.athanor.orm.inheritance;

import static io.athanor.orm.engine.Text.text;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.InstantWire;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Product;
import io.athanor.orm.model.inheritance.Refund;
import io.athanor.orm.model.inheritance.Shop;
import io.athanor.orm.model.inheritance.WirePayment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inheritance tests' schema: shops with products (mapped superclasses) and payments (one table), and refunds. */
final class InheritanceFixture {
    private InheritanceFixture() {
    }

    static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Shop.class, Product.class, Payment.class, CardPayment.class, WirePayment.class, InstantWire.class,
                        Refund.class)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Shop "north" with a card payment of 10, a wire of 20 and an instant wire of 30, and a refund of each. */
    static void seed(SessionFactory f) {
        f.runInTransaction(s -> {
            Shop shop = new Shop("north");
            s.add(shop);
            List<Payment> payments = List.of(new CardPayment(10, shop, "4111"), new WirePayment(20, shop, "DE01"),
                    new InstantWire(30, shop, "DE02", "sepa"));
            payments.forEach(s::add);
            for (Payment p : payments) {
                s.add(new Refund("refund of " + p.getAmount(), p));
            }
        });
    }

    /** The rows of {@code sql}, each as a list of its values. */
    static List<List<Object>> rows(SessionFactory f, String sql) {
        return f.inTransaction(s -> {
            List<List<Object>> out = new ArrayList<>();
            s.execute(text(sql), Map.of()).rows().forEach(r -> {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    values.add(r.get(i) instanceof Number n ? (Object) n.longValue() : r.get(i));
                }
                out.add(values);
            });
            return out;
        });
    }
}
