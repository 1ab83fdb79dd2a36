package io.athanor.orm.query;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Sql.count;
import static io.athanor.orm.query.Sql.lower;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.Article;
import io.athanor.orm.model.Order;
import io.athanor.orm.model.User;
import io.athanor.orm.model.User_;
import io.athanor.orm.model.projection.Tally;
import io.athanor.orm.model.projection.Tally_;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Rows read straight into a record's or class's constructor, column by column, with no array of values between. */
class RecordProjectionTest {
    private static final Map<Engine, SessionFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final int USERS = 300;

    private static SessionFactory seeded(Engine engine) {
        return FACTORIES.computeIfAbsent(engine, e -> {
            SessionFactory f = SessionFactory.builder(e).entities(User.class, Order.class, Article.class, Tally.class)
                    .build();
            f.schema().createAll();
            e.runInTransaction(c -> {
                for (int i = 1; i <= USERS; i++) {
                    c.executeUpdate(text("insert into users (id, name) values (:id, :name)"), Params.of("id", i, "name", "User" + i));
                }
            });
            try (Session s = f.open()) {
                s.add(new Tally(1L, 7, 70_000_000_000L));
                s.add(new Tally(2L, -3, -5L));
                s.add(new Tally(3L, null, null));
                s.commit();
            }
            return f;
        });
    }

    record IdName(long id, String name) {
    }

    record Named(String lowered, Long rows) {
    }

    /** Counts its instances, to show one constructor call per row. */
    static final class Counting {
        static final AtomicInteger MADE = new AtomicInteger();
        final Long id;

        Counting(Long id) {
            this.id = id;
            MADE.incrementAndGet();
        }
    }

    static final class Refusing {
        Refusing(Long id) throws Exception {
            throw new Exception("no " + id);
        }
    }

    record Picky(Long id) {
        Picky {
            if (id == 7L) {
                throw new IllegalArgumentException("seven");
            }
        }
    }

    @DatabaseTest
    void everyRowMapsToTheSameValuesAsTheRowsOfTheSelect(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<IdName> mapped = s.select(User_.id, User_.name).orderBy(User_.id).list(IdName.class);
            List<Row> rows = s.select(User_.id, User_.name).orderBy(User_.id).list();
            assertThat(mapped).hasSize(USERS);
            for (int i = 0; i < USERS; i++) {
                assertThat(mapped.get(i)).isEqualTo(new IdName(rows.get(i).get(0, Long.class), rows.get(i).get(1, String.class)));
            }
            assertThat(mapped.get(USERS - 1)).isEqualTo(new IdName(USERS, "User" + USERS));
            // run again: the reader built once is reused and reads the same
            assertThat(s.select(User_.id, User_.name).orderBy(User_.id).list(IdName.class)).isEqualTo(mapped);
        }
    }

    record Primitives(long id, int small, long big) {
    }

    record Boxed(Long id, Integer small, Long big) {
    }

    record Widened(long id, long small, int big) {
    }

    @DatabaseTest
    void primitiveParametersTakeNumbersWithoutABoxAndRefuseNull(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(Tally_.id, Tally_.small, Tally_.big).where(Tally_.id.le(2L)).orderBy(Tally_.id)
                    .list(Primitives.class)).containsExactly(new Primitives(1, 7, 70_000_000_000L), new Primitives(2, -3, -5));
            assertThat(s.select(Tally_.id, Tally_.small, Tally_.big).orderBy(Tally_.id).list(Boxed.class))
                    .containsExactly(new Boxed(1L, 7, 70_000_000_000L), new Boxed(2L, -3, -5L), new Boxed(3L, null, null));
            assertThat(s.select(Tally_.id, Tally_.small, Tally_.big).where(Tally_.id.eq(2L)).list(Widened.class))
                    .containsExactly(new Widened(2, -3, -5));
            assertThatThrownBy(() -> s.select(Tally_.id, Tally_.small, Tally_.big).orderBy(Tally_.id).list(Primitives.class))
                    .isInstanceOf(AthanorException.class).hasMessageContaining("small is NULL")
                    .hasMessageContaining("make it a boxed type");
            assertThatThrownBy(() -> s.select(Tally_.id, Tally_.big, Tally_.small).where(Tally_.id.eq(3L))
                    .list(Widened.class)).hasMessageContaining("big is NULL");
        }
    }

    @DatabaseTest
    void aClassConstructorIsCalledOncePerRow(Engine engine) {
        try (Session s = seeded(engine).open()) {
            int before = Counting.MADE.get();
            List<Counting> made = s.select(User_.id).where(User_.id.le(50L)).orderBy(User_.id).list(Counting.class);
            assertThat(made).extracting(c -> c.id).first().isEqualTo(1L);
            assertThat(Counting.MADE.get() - before).isEqualTo(50);
        }
    }

    @DatabaseTest
    void columnsWithoutAReaderOfTheirOwnStillMap(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Named> named = s.select(lower(User_.name), count(User_.id)).where(User_.id.le(2L))
                    .groupBy(User_.name).orderBy(User_.name).list(Named.class);
            assertThat(named).containsExactly(new Named("user1", 1L), new Named("user2", 1L));
        }
    }

    @DatabaseTest
    void whatAConstructorThrowsReachesTheCaller(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThatThrownBy(() -> s.select(User_.id).orderBy(User_.id).list(Picky.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("seven");
            assertThatThrownBy(() -> s.select(User_.id).orderBy(User_.id).list(Refusing.class))
                    .isInstanceOf(AthanorException.class).hasMessageContaining("The constructor of " + Refusing.class.getName())
                    .hasMessageContaining("no 1");
            // the session is still usable
            assertThat(s.select(User_.id, User_.name).where(User_.id.eq(3L)).list(IdName.class))
                    .containsExactly(new IdName(3, "User3"));
        }
    }
}
