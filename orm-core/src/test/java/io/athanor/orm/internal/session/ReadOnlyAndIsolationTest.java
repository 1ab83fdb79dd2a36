package io.athanor.orm.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Retry;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.IsolationLevel;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.TransactionConflictException;
import io.athanor.orm.model.compare.RoGauge;
import io.athanor.orm.model.compare.RoMeasure;
import io.athanor.orm.model.filled.Gauge;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Genre;
import io.athanor.orm.model.uow.Author;
import io.athanor.orm.model.uow.Author_;
import io.athanor.orm.model.uow.Book;
import io.athanor.orm.model.uow.Playlist;
import io.athanor.orm.model.uow.Track;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The seed's read-only sessions and isolation levels, on PostgreSQL, MariaDB and H2. */
class ReadOnlyAndIsolationTest {

    private static SessionFactory fresh(Engine engine) {
        return fresh(engine, Author.class, Book.class);
    }

    /** A factory of {@code entities} on new tables, holding one author with one book, "Popular". */
    private static SessionFactory fresh(Engine engine, Class<?>... entities) {
        SessionFactory f = SessionFactory.builder(engine).entities(entities).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Author a = new Author("reader's choice");
            a.write("Popular");
            s.add(a);
        });
        return f;
    }

    @DatabaseTest
    void aReadOnlySessionRefusesWritesBeforeAnySqlIsSent(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open(SessionOptions.readOnly()); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Author a = s.select(Author.class).one();
            sql.clear();
            assertThatThrownBy(() -> s.add(new Author("new"))).hasMessageContaining("read-only, so it cannot add entities");
            assertThatThrownBy(() -> s.delete(a)).hasMessageContaining("cannot delete entities");
            assertThatThrownBy(() -> s.update(Author.class).set(Author_.name, "x").execute()).hasMessageContaining("cannot run UPDATE");
            assertThatThrownBy(() -> s.bulkUpdateMappings(Author.class, List.of(Map.of("id", a.id, "name", "x"))))
                    .hasMessageContaining("cannot bulk-write");
            a.name = "changed in memory";
            assertThatThrownBy(s::commit).hasMessageContaining("was changed in memory");
            assertThat(sql.count()).as("nothing was sent").isZero();
        }
    }

    /**
     * A read-only session keeps the snapshot a read-write one keeps (the values the instance was given, not copies),
     * and tells a change in memory by the comparison a read-write flush makes to find what to write: a column, a
     * to-one pointed at another loaded instance, and nothing once the change is put back.
     */
    @DatabaseTest
    void aReadOnlySessionTellsChangesByTheComparisonAFlushMakes(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> s.add(new Author("second")));
        try (DefaultSession s = (DefaultSession) f.open(SessionOptions.readOnly()); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Book b = s.select(Book.class).one();
            Author other = s.select(Author.class).list().stream().filter(a -> a.name.equals("second")).findFirst().orElseThrow();
            Object[] snapshot = s.identityMap().entryOf(b).snapshot;
            assertThat(snapshot).as("the title as read, the very String the field holds").anySatisfy(v -> assertThat(v).isSameAs(b.title));
            int statements = sql.count();
            s.flush();
            b.title = "Renamed in memory";
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class).hasMessageContaining("Book")
                    .hasMessageContaining("was changed in memory").hasMessageContaining("read-write session");
            b.title = "Popular";
            s.flush();
            Author first = b.author;
            b.author = other;
            assertThatThrownBy(s::flush).hasMessageContaining("Book").hasMessageContaining("was changed in memory");
            b.author = first;
            s.commit();
            assertThat(sql.count() - statements).as("no statement but the commit's").isLessThanOrEqualTo(1);
        }
        try (Session s = f.open()) {
            assertThat(s.select(Book.class).one().title).as("nothing was written").isEqualTo("Popular");
        }
    }

    /**
     * A change made through a loaded collection is refused as a flush would have written it: a new instance a PERSIST
     * cascade would insert, an element taken out of an orphan-removal collection (a flush would delete it), a genre
     * added to an owning many-to-many (a link row). Loading the collections alone is no change, nor is a change put back.
     */
    @DatabaseTest
    void aReadOnlySessionRefusesChangesMadeThroughLoadedCollections(Engine engine) {
        SessionFactory f = fresh(engine, Author.class, Book.class, Playlist.class, Track.class, Album.class,
                io.athanor.orm.model.loading.Track.class, Genre.class);
        f.runInTransaction(s -> {
            Playlist p = new Playlist("mix");
            p.tracks.add(new Track("one", 1, p));
            p.tracks.add(new Track("two", 2, p));
            s.add(p);
            Album album = new Album("blue");
            Genre jazz = new Genre("jazz");
            s.add(jazz);
            album.getGenres().add(jazz);
            s.add(album);
            s.add(new Genre("folk"));
        });
        try (Session s = f.open(SessionOptions.readOnly()); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Author a = s.select(Author.class).one();
            Playlist p = s.select(Playlist.class).one();
            Album album = s.select(Album.class).one();
            Genre folk = s.select(Genre.class).list().stream().filter(g -> g.getName().equals("folk")).findFirst().orElseThrow();
            assertThat(a.books).hasSize(1);
            assertThat(p.tracks).hasSize(2);
            assertThat(album.getGenres()).hasSize(1);
            s.flush(); // collections loaded, nothing changed

            Book added = a.write("Sequel");
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class).hasMessageContaining("Author")
                    .hasMessageContaining("was changed in memory");
            a.books.remove(added);
            s.flush();

            Track taken = p.tracks.remove(1);
            assertThatThrownBy(s::flush).hasMessageContaining("Playlist").hasMessageContaining("was changed in memory");
            p.tracks.add(taken);
            s.flush();

            album.getGenres().add(folk);
            assertThatThrownBy(s::flush).hasMessageContaining("Album").hasMessageContaining("was changed in memory");
            album.getGenres().remove(folk);
            s.refresh(album); // its columns read again, its loaded genres left as they are: still no change
            assertThat(album.getGenres()).hasSize(1);
            int statements = sql.count();
            s.commit();
            assertThat(sql.count() - statements).as("no statement but the commit's").isLessThanOrEqualTo(1);
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Album album = s.select(Album.class).one();
            assertThat(album.getGenres()).hasSize(1);
            s.refresh(album);
            int statements = sql.count();
            s.flush();
            assertThat(sql.count()).as("a refreshed album's loaded genres are no new links").isEqualTo(statements);
        }
    }

    /** An in-place change to a loaded array (a value the session copied into its snapshot) is refused as well. */
    @DatabaseTest
    void aReadOnlySessionTellsAnArrayChangedInPlace(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Gauge.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> s.add(new Gauge(1L, "full", 7, 5L, true, 0.25, new java.math.BigDecimal("12.50"),
                java.time.LocalDate.of(2026, 3, 4), Gauge.Tint.GREEN, new Gauge.Code("abc"), new byte[] {1, 2, 3}, "ann")));
        try (Session s = f.open(SessionOptions.readOnly())) {
            Gauge g = s.get(Gauge.class, 1L);
            s.flush(); // a decimal read back as 12.50, a converted value, an enum: nothing taken for a change
            g.getData()[0] = 9;
            assertThatThrownBy(s::flush).hasMessageContaining("Gauge").hasMessageContaining("was changed in memory");
            g.getData()[0] = 1;
            s.commit();
        }
    }

    @DatabaseTest
    void aReadOnlySessionNoticesChangesToInstancesItLoadedByJoins(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Author a = s.select(Author.class).one();
            Book priced = a.write("Priced");
            priced.price = new java.math.BigDecimal("12.50");
            s.add(priced);
        });
        try (Session s = f.open(SessionOptions.readOnly()); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Book> books = s.select(Book.class).options(io.athanor.orm.query.Loads.joinedLoad(
                    io.athanor.orm.model.uow.Book_.author)).list();
            assertThat(books).hasSize(2).allSatisfy(b -> assertThat(b.author.name).isEqualTo("reader's choice"));
            assertThat(sql.count()).as("books and their author in one statement").isEqualTo(1);
            s.flush(); // nothing changed: a price read as 12.50 is not taken for a change
            books.get(0).author.name = "renamed in memory";
            assertThatThrownBy(s::flush).hasMessageContaining("Author").hasMessageContaining("was changed in memory");
            books.get(0).author.name = "reader's choice";
            s.flush();
            books.get(1).price = books.get(1).price == null ? java.math.BigDecimal.ONE : null;
            assertThatThrownBy(s::commit).hasMessageContaining("Book").hasMessageContaining("was changed in memory");
        }
    }

    /**
     * A read-only session compares a loaded instance as its fields hold the row, also where the loader left an
     * embedded class's initializer in place (a NULL column before the one whose value created the embedded value):
     * an unchanged instance is not taken for one changed in memory.
     */
    @DatabaseTest
    void aReadOnlySessionComparesEmbeddedValuesAsTheirFieldsHoldThem(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RoGauge.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            RoGauge g = new RoGauge(1L);
            g.size = new RoMeasure();
            g.size.unit = null;
            g.size.amount = 5;
            s.add(g);
        });
        try (Session s = f.open(SessionOptions.readOnly())) {
            RoGauge g = s.select(RoGauge.class).one();
            assertThat(g.size.amount).isEqualTo(5);
            s.flush(); // nothing changed in memory
            g.size.amount = 6;
            assertThatThrownBy(s::flush).hasMessageContaining("RoGauge").hasMessageContaining("was changed in memory");
            g.size.amount = 5;
            s.commit();
        }
    }

    /** A NULL column of an embedded class is NULL in the loaded value, not the class's field initializer. */
    @DatabaseTest
    void anEmbeddedFieldReadAsNullIsNullAndNothingIsWrittenBack(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RoGauge.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            RoGauge g = new RoGauge(1L);
            g.size = new RoMeasure();
            g.size.unit = null;
            g.size.amount = 5;
            s.add(g);
        });
        try (Session s = f.open()) {
            RoGauge g = s.select(RoGauge.class).one();
            assertThat(g.size.unit).isNull();
            assertThat(g.size.amount).isEqualTo(5);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.execute(Text.text("select count(*) from rv2_gauge where size_unit is null"), Map.of())
                    .scalar(Long.class)).isEqualTo(1L);
        }
    }

    /** MariaDB's and H2's drivers treat read-only as a hint; there Athanor's own checks are what refuses writes. */
    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void theDatabaseRefusesWritesInAReadOnlySessionToo(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open(SessionOptions.readOnly())) {
            assertThatThrownBy(() -> s.execute(Text.text("update author set name = 'x'"), Map.of()))
                    .isInstanceOf(DatabaseException.class)
                    .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("25006"));
        }
    }

    @DatabaseTest
    void theIsolationLevelIsInEffect(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine);
        String query = kind == DatabaseKind.POSTGRESQL ? "show transaction_isolation"
                : kind == DatabaseKind.MARIADB ? "select @@tx_isolation"
                : "select isolation_level from information_schema.sessions where session_id = session_id()";
        try (Session s = f.open(SessionOptions.isolation(IsolationLevel.SERIALIZABLE))) {
            assertThat(s.execute(Text.text(query), Map.of()).scalar(String.class).toLowerCase(java.util.Locale.ROOT)
                    .replace('-', ' ').replace('_', ' ')).isEqualTo("serializable");
        }
        try (Session s = f.open(SessionOptions.isolation(IsolationLevel.REPEATABLE_READ))) {
            assertThat(s.execute(Text.text(query), Map.of()).scalar(String.class).toLowerCase(java.util.Locale.ROOT)
                    .replace('-', ' ').replace('_', ' ')).isEqualTo("repeatable read");
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aSerializationFailureIsRetried(Engine engine) {
        SessionFactory f = fresh(engine);
        SessionOptions repeatable = SessionOptions.isolation(IsolationLevel.REPEATABLE_READ);
        AtomicInteger attempts = new AtomicInteger();
        String result = f.inTransaction(repeatable, Retry.retry(3), s -> {
            Author mine = s.select(Author.class).one();
            if (attempts.incrementAndGet() == 1) {
                f.runInTransaction(other -> other.select(Author.class).one().name = "changed concurrently");
            }
            mine.name = "retried";
            s.flush();
            return mine.name;
        });
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(result).isEqualTo("retried");
        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> f.inTransaction(repeatable, Retry.retry(1), s -> {
            Author mine = s.select(Author.class).one();
            f.runInTransaction(other -> other.select(Author.class).one().name = "again " + once.incrementAndGet());
            mine.name = "lost";
            s.flush();
            return null;
        })).isInstanceOf(TransactionConflictException.class).hasMessageContaining("run it again");
        assertThatThrownBy(() -> Retry.retry(0)).hasMessageContaining("1 or more attempts");
    }
}
