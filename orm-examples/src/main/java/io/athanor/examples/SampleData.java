package io.athanor.examples;

import io.athanor.examples.model.Article;
import io.athanor.examples.model.Order;
import io.athanor.examples.model.User;
import io.athanor.orm.SessionFactory;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The rows the example works on: five users, their orders at known distances from {@code now}, and a
 * few articles. Two users have ordered in the last 30 days, one only before, two never.
 */
final class SampleData {
    static final int USERS = 5;
    static final int ORDERS = 8;
    static final int ARTICLES = 3;

    private SampleData() {
    }

    static void insert(SessionFactory sessions, LocalDateTime now) {
        sessions.runInTransaction(session -> {
            User ada = new User("Ada Lovelace");
            User alan = new User("Alan Turing");
            User grace = new User("Grace Hopper");
            User edsger = new User("Edsger Dijkstra");
            User barbara = new User("Barbara Liskov");
            session.addAll(List.of(ada, alan, grace, edsger, barbara));
            session.addAll(List.of(
                    new Order(ada, "Analytical Engine", money("1843.00"), now.minusDays(3)),
                    new Order(ada, "Punched cards", money("12.50"), now.minusDays(12)),
                    new Order(ada, "Notes on the Engine", money("25.00"), now.minusDays(45)),
                    new Order(alan, "Bombe", money("1940.00"), now.minusDays(10)),
                    new Order(alan, "Chess set", money("35.00"), now.minusDays(20)),
                    new Order(grace, "Compiler manual", money("19.59"), now.minusDays(90)),
                    new Order(grace, "Nanosecond wire", money("0.30"), now.minusDays(60)),
                    new Order(grace, "Moth", money("1.00"), now.minusDays(75))));
            session.addAll(List.of(
                    new Article("Sketch of the Analytical Engine", ada),
                    new Article("On Computable Numbers", alan),
                    new Article("Go To Statement Considered Harmful", edsger)));
        });
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
