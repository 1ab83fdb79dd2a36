package io.athanor.orm.schema;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.ForeignKeyViolationException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.User;
import io.athanor.orm.model.UserStats;
import io.athanor.orm.model.links.Post;
import io.athanor.orm.model.links.Tag;
import io.athanor.orm.model.reserved.Group;
import io.athanor.orm.model.reserved.Purchase;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.util.Map;

class SchemaTest {

    @DatabaseTest
    void theSeedSchemaCreatesIdempotentlyWorksAndDrops(Engine engine, DatabaseKind kind) {
        SessionFactory sessions = SessionFactory.builder(engine)
                .entities(User.class, Order.class, Article.class, UserStats.class).build();
        assertThat(sessions.dialect().name()).isEqualTo(kind == DatabaseKind.POSTGRESQL ? "postgresql" : kind.label());
        try {
            sessions.schema().createAll();
            sessions.schema().createAll();
            try (Connection c = engine.connect()) {
                c.execute(text("insert into users (name) values (:name)"), Params.of("name", "ada"));
                long userId = c.execute(text("select id from users where name = 'ada'")).scalar(Long.class);
                c.execute(text("insert into orders (user_id, product_name, amount) values (:u, 'book', :a)"),
                        Params.of("u", userId, "a", new BigDecimal("12.50")));
                c.execute(text("insert into analytics.user_stats (user_id, order_count, total_spent) values (:u, 1, 12.50)"),
                        Params.of("u", userId));
                assertThat(c.execute(text("select created_at from orders")).one().get("created_at")).isNotNull();
                assertThatThrownBy(() -> c.execute(text("insert into orders (user_id, product_name) values (999, 'x')")))
                        .isInstanceOf(ForeignKeyViolationException.class);
                c.rollback();
            }
            try (Connection c = engine.connect()) {
                c.execute(text("insert into users (id, name) values (1, 'a')"));
                c.execute(text("insert into orders (user_id, product_name) values (1, 'x')"));
                c.execute(text("delete from users where id = 1"));
                assertThat(c.execute(text("select count(*) from orders")).scalar(Long.class))
                        .as("ON DELETE CASCADE removed the order").isZero();
                c.commit();
            }
        } finally {
            sessions.schema().dropAll();
        }
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.execute(text("select * from users"))).isInstanceOf(DatabaseException.class);
        }
    }

    @DatabaseTest
    void reservedWordsWorkAsTableAndColumnNames(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Group.class, Purchase.class).build();
        Dialect d = sessions.dialect();
        sessions.schema().createAll();
        try (Connection c = engine.connect()) {
            c.execute(text("insert into " + d.quote("group") + " (id, " + d.quote("select") + ") values (1, 'g')"));
            c.execute(text("insert into " + d.quote("order") + " (id, " + d.quote("user") + ", " + d.quote("desc") + ", "
                    + d.quote("value") + ", " + d.quote("group") + ") values (:id, :u, :d, :v, 1)"),
                    Params.of("id", 1, "u", "ada", "d", "first", "v", 3));
            assertThat(c.execute(text("select " + d.quote("user") + " as who from " + d.quote("order"))).scalar()).isEqualTo("ada");
            assertThatThrownBy(() -> c.execute(text("insert into " + d.quote("order") + " (id, " + d.quote("user") + ", "
                    + d.quote("desc") + ") values (2, 'ada', 'first')"))).isInstanceOf(UniqueViolationException.class);
            c.rollback();
        } finally {
            sessions.schema().dropAll();
        }
    }

    @DatabaseTest
    void createAndDropSingleEntitiesInDependencyOrder(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Article.class, User.class, Order.class).build();
        sessions.schema().create(Order.class, User.class);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select count(*) from orders")).scalar(Long.class)).isZero();
            assertThatThrownBy(() -> c.execute(text("select count(*) from articles"))).isInstanceOf(DatabaseException.class);
        } finally {
            sessions.schema().drop(Order.class, User.class);
        }
        assertThat(sessions.schema().createSql()).startsWith("CREATE TABLE IF NOT EXISTS users (").endsWith(");\n");
        assertThat(sessions.schema().dropStatements()).hasSize(3);
    }

    @DatabaseTest
    void sequencesLinkTablesAndOneToOneKeysAreCreated(Engine engine, DatabaseKind kind) {
        SessionFactory sessions = SessionFactory.builder(engine)
                .entities(Post.class, Tag.class, io.athanor.orm.model.links.OrderLine.class).build();
        assertThat(sessions.schema().createStatements()).contains(
                "CREATE SEQUENCE IF NOT EXISTS post_id_seq START WITH 1 INCREMENT BY 20");
        sessions.schema().createAll();
        try (Connection c = engine.connect()) {
            String next = kind == DatabaseKind.POSTGRESQL ? "select nextval('post_id_seq')" : "select next value for post_id_seq";
            long first = c.execute(text(next)).scalar(Long.class);
            assertThat(c.execute(text(next)).scalar(Long.class)).isEqualTo(first + 20);
            c.execute(text("insert into post (id, title, version) values (1, 'a', 0)"));
            c.execute(text("insert into post (id, title, version, previous_id) values (2, 'b', 0, 1)"));
            assertThatThrownBy(() -> c.execute(text("insert into post (id, title, version, previous_id) values (3, 'c', 0, 1)")))
                    .as("a one-to-one key is unique").isInstanceOf(UniqueViolationException.class);
            c.rollback();
            c.execute(text("insert into post (id, title, version) values (1, 'a', 0)"));
            java.util.UUID tagId = java.util.UUID.randomUUID();
            c.execute(text("insert into tag (id, label) values (:id, 'java')"),
                    Params.of("id", kind == DatabaseKind.MARIADB ? tagId.toString() : tagId));
            c.execute(text("insert into post_tag (post_id, tag_id) select 1, id from tag"));
            assertThat(c.execute(text("select count(*) from post_tag")).scalar(Long.class)).isEqualTo(1);
            c.execute(text("delete from post where id = 1"));
            assertThat(c.execute(text("select count(*) from post_tag")).scalar(Long.class)).as("link rows cascade").isZero();
            c.commit();
            c.execute(text("insert into order_line (order_id, line_no, sku) values (1, 1, 'a')"));
            c.execute(text("insert into order_line (order_id, line_no, sku) values (1, 2, 'b')"));
            assertThatThrownBy(() -> c.execute(text("insert into order_line (order_id, line_no) values (1, 2)")))
                    .as("the composite key is unique").isInstanceOf(UniqueViolationException.class);
            c.rollback();
        } finally {
            sessions.schema().dropAll();
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void schemaQualifiedTablesLiveInTheirSchema(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(UserStats.class).build();
        sessions.schema().createAll();
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select table_schema from information_schema.tables where table_name = 'user_stats'"))
                    .column("table_schema", String.class)).contains("analytics");
        } finally {
            sessions.schema().dropAll();
        }
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("select count(*) from information_schema.tables where table_schema = 'analytics' "
                    + "and table_name = 'user_stats'"), Map.of()).scalar(Long.class)).isZero();
        }
    }
}
