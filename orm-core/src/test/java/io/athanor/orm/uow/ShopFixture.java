package io.athanor.orm.uow;

import static io.athanor.orm.query.Sql.count;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.shop.Account;
import io.athanor.orm.model.shop.Article;
import io.athanor.orm.model.shop.Category;
import io.athanor.orm.model.shop.Order;
import io.athanor.orm.model.shop.OrderLine;
import io.athanor.orm.model.shop.Tag;
import io.athanor.orm.model.shop.User;
import io.athanor.orm.test.RecordedStatement;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shop schema, its data, and counts read in a fresh session. */
final class ShopFixture {
    private ShopFixture() {
    }

    /** A session factory for the shop entities, without N+1 warnings. */
    static SessionFactory factory(Engine engine) {
        return SessionFactory.builder(engine)
                .entities(User.class, Order.class, OrderLine.class, Article.class, Tag.class, Category.class, Account.class)
                .nPlusOne(NPlusOne.OFF)
                .build();
    }

    /** {@link #factory} over a freshly created schema (created by Athanor). */
    static SessionFactory fresh(Engine engine) {
        SessionFactory f = factory(engine);
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** A user named {@code name} with {@code orders} orders ({@code p0}, {@code p1}, ...) of {@code lines} lines each; its id. */
    static long userWithOrders(SessionFactory f, String name, int orders, int lines) {
        return f.inTransaction(s -> {
            User u = new User(name);
            for (int o = 0; o < orders; o++) {
                Order order = new Order("p" + o, u);
                for (int l = 0; l < lines; l++) {
                    order.line(name + "-" + o + "-" + l);
                }
            }
            s.add(u);
            s.flush();
            return u.getId();
        });
    }

    /** The number of rows of {@code entity}'s table, read in a new session. */
    static long rows(SessionFactory f, Class<?> entity) {
        try (Session s = f.open()) {
            return s.select(count()).from(entity).scalar(Long.class);
        }
    }

    /** The single number {@code sql} returns, read in a new session. */
    static long number(SessionFactory f, String sql) {
        try (Session s = f.open()) {
            return s.execute(Text.text(sql), Map.of()).scalar(Long.class);
        }
    }

    /** The recorded statements that are INSERTs. */
    static List<String> inserts(SqlRecorder sql) {
        return startingWith(sql, "INSERT");
    }

    /** The recorded statements whose SQL starts with {@code verb} (any case). */
    static List<String> startingWith(SqlRecorder sql, String verb) {
        return sql.statements().stream().map(RecordedStatement::sql)
                .filter(q -> q.stripLeading().toUpperCase(Locale.ROOT).startsWith(verb)).toList();
    }
}
