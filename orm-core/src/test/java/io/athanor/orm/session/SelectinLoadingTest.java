package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.model.uow.Review;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.util.List;

/** The seed's lazy="selectin": a relationship of many parents in one extra statement per batch, not one per parent. */
class SelectinLoadingTest {

    @DatabaseTest
    void usersWithTheirOrdersTakeTwoStatementsWhateverTheirNumber(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            for (int u = 0; u < 30; u++) {
                User user = new User("user " + u);
                s.add(user);
                s.flush();
                for (int o = 0; o < u % 4; o++) {
                    s.add(new Order("item " + o, BigDecimal.valueOf(o), user.getId()));
                }
            }
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<User> users = s.select(User.class).orderBy(User_.id).list();
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.sql().get(1)).as("one parameter per key, or one array on PostgreSQL")
                    .containsPattern("WHERE orders.user_id (IN \\(\\?, \\?, \\?|= ANY\\(\\?\\))");
            assertThat(users).hasSize(30);
            assertThat(users.get(0).getOrders()).isEmpty();
            assertThat(users.get(3).getOrders()).extracting(Order::getProductName).containsExactly("item 0", "item 1", "item 2");
            assertThat(users.get(3).getOrders()).allSatisfy(o -> assertThat(o.getUser()).isSameAs(users.get(3)));
            sql.clear();
            s.flush();
            assertThat(sql.count()).as("loading changed nothing to write").isZero();
            s.select(User.class).list();
            assertThat(sql.count()).as("loaded collections are not loaded again").isEqualTo(1);
        }
    }

    @DatabaseTest
    void toOneReferencesLoadInOneStatementPerBatch(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Author.class, Book.class, Review.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Author a = new Author("critic's darling");
            Book one = a.write("One");
            Book two = a.write("Two");
            s.add(a);
            s.flush();
            for (int i = 0; i < 10; i++) {
                s.add(new Review(i % 5, i % 2 == 0 ? one : two));
            }
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Review> reviews = s.select(Review.class).list();
            assertThat(sql.count()).isEqualTo(2);
            assertThat(reviews).allSatisfy(r -> assertThat(r.book).isNotNull());
            assertThat(reviews.stream().map(r -> r.book).distinct().count()).isEqualTo(2);
            assertThat(reviews.stream().filter(r -> r.book.title.equals("One")).count()).isEqualTo(5);
        }
    }
}
