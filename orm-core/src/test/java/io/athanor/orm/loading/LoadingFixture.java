package io.athanor.orm.loading;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Category;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Genre;
import io.athanor.orm.model.loading.Line;
import io.athanor.orm.model.loading.Note;
import io.athanor.orm.model.loading.Purchase;
import io.athanor.orm.model.loading.Track;
import java.util.List;
import java.util.stream.Collectors;

/** The loading tests' schema and data: customers with purchases with lines. */
final class LoadingFixture {
    private LoadingFixture() {
    }

    static SessionFactory factory(Engine engine, NPlusOne nPlusOne) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Customer.class, Purchase.class, Line.class, Note.class, Category.class, Album.class, Track.class,
                        Genre.class)
                .nPlusOne(nPlusOne)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** {@code customers} customers named c000.., each with {@code purchases} purchases; the first purchase of each has 2 lines. */
    static void seed(SessionFactory f, int customers, int purchases) {
        f.runInTransaction(s -> {
            for (int c = 0; c < customers; c++) {
                Customer customer = new Customer(String.format("c%03d", c));
                s.add(customer);
                for (int p = 0; p < purchases; p++) {
                    Purchase purchase = customer.buy(String.format("item %02d", p), c * 100L + p);
                    s.add(purchase);
                    if (p == 0) {
                        s.add(new Line(1, purchase));
                        s.add(new Line(2, purchase));
                    }
                }
            }
        });
    }

    /** Every customer's name and purchases, touching each collection: the data every strategy must agree on. */
    static String describe(List<Customer> customers) {
        return customers.stream()
                .map(c -> c.getName() + ":" + c.getPurchases().stream().map(p -> p.getItem() + "=" + p.getAmount())
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }
}
