package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.Order_;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** INSERT, UPDATE, DELETE, RETURNING and upserts on PostgreSQL, MariaDB and H2; each test starts from empty tables. */
class DmlExecutionTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(User.class, Order.class, Article.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void insertUpdateAndDeleteChangeRowsAndSayHowMany(Engine engine) {
        try (Session s = fresh(engine).open()) {
            assertThat(s.insert(User.class).set(User_.id, 1L).set(User_.name, "ada").execute()).isEqualTo(1);
            assertThat(s.insert(User.class).set(User_.id, 2L).set(User_.name, "alan").execute()).isEqualTo(1);
            s.insert(Order.class).set(Order_.id, 10L).set(Order_.userId, 1L).set(Order_.amount, new BigDecimal("5.00"))
                    .set(Order_.createdAt, LocalDateTime.of(2024, 1, 1, 0, 0)).execute();
            assertThat(s.update(Order.class).set(Order_.amount, Order_.amount.times(new BigDecimal("3")))
                    .where(Order_.userId.eq(1L)).execute()).isEqualTo(1);
            assertThat(s.select(Order_.amount).one().get(0, BigDecimal.class)).isEqualByComparingTo("15.00");
            assertThat(s.insert(Order.class).fromSelect(select(User_.id, User_.name).where(User_.id.eq(2L)), Order_.userId,
                    Order_.productName).execute()).isEqualTo(1);
            assertThat(s.select(Order_.productName).where(Order_.userId.eq(2L)).one().get(0)).isEqualTo("alan");
            assertThat(s.delete(Order.class).where(Order_.userId.eq(2L)).execute()).isEqualTo(1);
            assertThat(s.update(User.class).set(User_.name, "nobody").where(User_.id.eq(99L)).execute()).isZero();
            s.commit();
            assertThat(s.select(User.class).count()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void generatedKeysComeBackThroughReturningWhereTheDialectHasIt(Engine engine) {
        SessionFactory f = fresh(engine);
        Dialect d = f.dialect();
        try (Session s = f.open()) {
            Insert<User> insert = s.insert(User.class).set(User_.name, "grace").returning(User_.id, User_.name);
            if (!d.supportsReturningOn("INSERT")) {
                assertThatThrownBy(insert::fetch).hasMessageContaining("RETURNING is not supported by " + d.name());
                return;
            }
            Row row = insert.fetch().get(0);
            assertThat(row.get("id", Long.class)).isPositive();
            assertThat(row.get("name")).isEqualTo("grace");
            List<Row> deleted = s.delete(User.class).where(User_.name.eq("grace")).returning(User_.id).fetch();
            assertThat(deleted).hasSize(1);
        }
    }

    @DatabaseTest
    void upsertInsertsThenUpdatesThenKeeps(Engine engine) {
        try (Session s = fresh(engine).open()) {
            s.insert(User.class).set(User_.id, 7L).set(User_.name, "first").onConflict(User_.id).doUpdate(User_.name).execute();
            s.insert(User.class).set(User_.id, 7L).set(User_.name, "second").onConflict(User_.id).doUpdate(User_.name).execute();
            assertThat(s.select(User_.name).where(User_.id.eq(7L)).one().get(0)).isEqualTo("second");
            s.insert(User.class).set(User_.id, 7L).set(User_.name, "third").onConflict(User_.id).doNothing().execute();
            assertThat(s.select(User_.name).where(User_.id.eq(7L)).one().get(0)).isEqualTo("second");
            assertThat(s.select(User.class).count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void aFailedChangeRaisesItsConstraintTypeAndRollsBackCleanly(Engine engine) {
        try (Session s = fresh(engine).open()) {
            s.insert(User.class).set(User_.id, 1L).set(User_.name, "ada").execute();
            s.commit();
            assertThatThrownBy(() -> s.insert(User.class).set(User_.id, 1L).set(User_.name, "again").execute())
                    .isInstanceOf(UniqueViolationException.class).hasMessageContaining("INSERT INTO users");
            s.rollback();
            assertThat(s.select(User_.name).one().get(0)).isEqualTo("ada");
        }
    }

    @DatabaseTest
    void recursiveCommonTablesWalkAChain(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(io.athanor.orm.model.links.Post.class,
                io.athanor.orm.model.links.Tag.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open()) {
            s.execute(io.athanor.orm.engine.Text.text("insert into post (id, title, version) values (1, 'a', 0)"), java.util.Map.of());
            s.execute(io.athanor.orm.engine.Text.text("insert into post (id, title, version, previous_id) values (2, 'b', 0, 1)"),
                    java.util.Map.of());
            s.execute(io.athanor.orm.engine.Text.text("insert into post (id, title, version, previous_id) values (3, 'c', 0, 2)"),
                    java.util.Map.of());
            CommonTable chain = CommonTable.named("chain", "id", "previous_id");
            chain = chain.asRecursive(select(io.athanor.orm.model.links.Post_.id, io.athanor.orm.model.links.Post_.previous)
                    .where(io.athanor.orm.model.links.Post_.id.eq(3L))
                    .unionAll(select(io.athanor.orm.model.links.Post_.id, io.athanor.orm.model.links.Post_.previous)
                            .join(chain, io.athanor.orm.model.links.Post_.id.eq(chain.column("previous_id", Long.class)))));
            List<Row> walk = s.list(select(chain.column("id", Long.class).as("id")).from(chain).with(chain));
            assertThat(walk).extracting(r -> r.get("id", Long.class)).containsExactlyInAnyOrder(3L, 2L, 1L);
        } finally {
            f.schema().dropAll();
        }
    }

    @DatabaseTest
    void dataChangesOnSchemaQualifiedTables(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(io.athanor.orm.model.UserStats.class).build();
        f.schema().createAll();
        try (Session s = f.open()) {
            s.delete(io.athanor.orm.model.UserStats.class).execute();
            s.insert(io.athanor.orm.model.UserStats.class).set(io.athanor.orm.model.UserStats_.userId, 1L)
                    .set(io.athanor.orm.model.UserStats_.orderCount, 3L).execute();
            assertThat(s.update(io.athanor.orm.model.UserStats.class).set(io.athanor.orm.model.UserStats_.orderCount, 4L)
                    .where(io.athanor.orm.model.UserStats_.userId.eq(1L)).execute()).isEqualTo(1);
            assertThat(s.select(io.athanor.orm.model.UserStats_.orderCount).one().get(0, Long.class)).isEqualTo(4L);
            assertThat(s.delete(io.athanor.orm.model.UserStats.class).where(io.athanor.orm.model.UserStats_.userId.eq(1L))
                    .execute()).isEqualTo(1);
            s.commit();
        } finally {
            f.schema().dropAll();
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void updateReturningOnPostgres(Engine engine) {
        try (Session s = fresh(engine).open()) {
            s.insert(User.class).set(User_.id, 1L).set(User_.name, "ada").execute();
            List<Row> rows = s.update(User.class).set(User_.name, "Ada").where(User_.id.eq(1L)).returning(User_.name).fetch();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("Ada");
        }
    }
}
