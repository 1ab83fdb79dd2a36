package io.athanor.orm.types;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.DatabaseEnum;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.EnumLabel;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.query.ComparableAttribute;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;

/** A Java enum stored in a database enum type, with labels that are not Java names. */
class DatabaseEnumTest {

    /** Declared in an order that is not alphabetical, so ORDER BY shows whose order the database follows. */
    // tag::database-enum[]
    @DatabaseEnum(name = "dbenum_mpaa_rating")
    enum Rating {
        G, PG, @EnumLabel("PG-13") PG_13, R, @EnumLabel("NC-17") NC_17
    }
    // end::database-enum[]

    @Entity
    @Table(name = "dbenum_film")
    static class Film {
        @Id
        Long id;
        @Column(length = 40)
        String title;
        Rating rating;

        Film() {
        }

        Film(long id, String title, Rating rating) {
            this.id = id;
            this.title = title;
            this.rating = rating;
        }
    }

    private static final ComparableAttribute<Film, Rating> RATING = new ComparableAttribute<>(Film.class, "rating", Rating.class);
    private static final ComparableAttribute<Film, Long> ID = new ComparableAttribute<>(Film.class, "id", Long.class);

    private static SessionFactory fresh(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Film.class).build();
        sessions.schema().dropAll();
        sessions.schema().createAll();
        return sessions;
    }

    @DatabaseTest
    void ddlCreatesTheEnumTypeAsTheDatabaseSpellsIt(Engine engine) {
        SessionFactory sessions = fresh(engine);
        List<String> ddl = sessions.schema().createStatements();
        String dialect = sessions.dialect().name();
        if (dialect.equals("postgresql")) {
            assertThat(ddl.get(0)).contains("CREATE TYPE dbenum_mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17')");
            assertThat(String.join("\n", ddl)).contains("rating dbenum_mpaa_rating");
            assertThat(sessions.schema().dropStatements()).last().isEqualTo("DROP TYPE IF EXISTS dbenum_mpaa_rating");
            assertThat(enumTypes(engine)).isEqualTo(1L);
            sessions.schema().dropAll();
            assertThat(enumTypes(engine)).isZero();
        } else {
            assertThat(String.join("\n", ddl)).contains("ENUM('G', 'PG', 'PG-13', 'R', 'NC-17')");
        }
    }

    private static long enumTypes(Engine engine) {
        return engine.inTransaction(c -> ((Number) c.execute(text("select count(*) from pg_type t join pg_namespace n on "
                + "n.oid = t.typnamespace where t.typname = 'dbenum_mpaa_rating' and n.nspname = current_schema()")).one().get(0))
                .longValue());
    }

    @DatabaseTest
    void writesQueriesAndOrdersByTheDatabaseOrder(Engine engine) {
        SessionFactory sessions = fresh(engine);
        sessions.inTransaction(s -> {
            s.add(new Film(1, "Jaws", Rating.PG));
            s.add(new Film(2, "Alien", Rating.R));
            s.add(new Film(3, "Fargo", Rating.NC_17));
            s.add(new Film(4, "Up", Rating.G));
            s.add(new Film(5, "Heat", Rating.PG_13));
            s.add(new Film(6, "Unrated", null));
            return null;
        });
        try (Session s = sessions.open()) {
            assertThat(s.get(Film.class, 5L).rating).isEqualTo(Rating.PG_13);
            assertThat(s.get(Film.class, 6L).rating).isNull();
            assertThat(s.select(Film.class).where(RATING.eq(Rating.NC_17)).list()).extracting(f -> f.title).containsExactly("Fargo");
            assertThat(s.select(Film.class).where(RATING.in(List.of(Rating.PG_13, Rating.G))).orderBy(ID.asc()).list())
                    .extracting(f -> f.title).containsExactly("Up", "Heat");
            assertThat(s.select(Film.class).where(RATING.isNotNull()).orderBy(RATING.asc()).list())
                    .extracting(f -> f.rating).containsExactly(Rating.G, Rating.PG, Rating.PG_13, Rating.R, Rating.NC_17);
            assertThat(s.select(RATING).where(ID.eq(3L)).list().get(0).get(0)).isEqualTo(Rating.NC_17);
            String stored = s.execute(text("select rating from dbenum_film where id = 5")).rows().get(0).get(0).toString();
            assertThat(stored).isEqualTo("PG-13");
        }
        sessions.inTransaction(s -> {
            s.get(Film.class, 1L).rating = Rating.NC_17;
            s.get(Film.class, 2L).rating = null;
            s.get(Film.class, 6L).rating = Rating.PG_13;
            s.delete(s.get(Film.class, 4L));
            return null;
        });
        try (Session s = sessions.open()) {
            assertThat(s.select(Film.class).orderBy(ID.asc()).list()).extracting(f -> f.rating)
                    .containsExactly(Rating.NC_17, null, Rating.NC_17, Rating.PG_13, Rating.PG_13);
            assertThat(s.select(Film.class).where(RATING.isNull()).list()).extracting(f -> f.id).containsExactly(2L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void anUnknownLabelNamesTheEnumAndTheLabel(Engine engine) {
        SessionFactory sessions = fresh(engine);
        engine.runInTransaction(c -> {
            c.execute(text("alter type dbenum_mpaa_rating add value 'X-RATED'"));
        });
        engine.runInTransaction(c -> {
            c.execute(text("insert into dbenum_film (id, title, rating) values (9, 'Odd', 'X-RATED')"));
        });
        try (Session s = sessions.open()) {
            assertThatThrownBy(() -> s.get(Film.class, 9L)).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("'X-RATED'").hasMessageContaining(Rating.class.getName());
        }
        sessions.schema().dropAll();
    }

    enum Clash {
        @EnumLabel("same") A, @EnumLabel("same") B
    }

    @Entity
    @Table(name = "dbenum_clash")
    static class Clashing {
        @Id
        Long id;
        Clash clash;
    }

    @DatabaseTest(DatabaseKind.H2)
    void twoConstantsWithOneLabelAreAMappingError(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine).entities(Clashing.class).build())
                .hasMessageContaining(Clash.class.getName()).hasMessageContaining("'same'").hasMessageContaining("@EnumLabel");
    }
}
