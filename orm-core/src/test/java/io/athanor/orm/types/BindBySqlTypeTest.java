package io.athanor.orm.types;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.ComparableAttribute;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values bound as the column's SQL type: a converter to String, a String and a plain enum on PostgreSQL enum
 * columns bind untyped, so the server reads them as the enum (a varchar would fail: "operator does not exist:
 * mpaa_rating = character varying"), in inserts, updates, NULLs, comparisons, IN lists and bulk paths.
 */
class BindBySqlTypeTest {

    /** A rating whose stored labels are not Java names. */
    enum Rating {
        G, PG_13, NC_17
    }

    /** Rating to and from the database's labels. */
    public static final class RatingText implements AttributeConverter<Rating, String> {
        @Override
        public String toDatabase(Rating attribute) {
            return attribute.name().replace('_', '-');
        }

        @Override
        public Rating fromDatabase(String value) {
            return Rating.valueOf(value.replace('-', '_'));
        }
    }

    enum Mood {
        CALM, ANGRY
    }

    @Entity
    @Table(name = "bindsql_movie")
    static class Movie {
        @Id
        Long id;
        @Convert(RatingText.class)
        @Column(sqlType = "bindsql_rating")
        Rating rating;
        @Column(sqlType = "bindsql_rating")
        String label;
        @Column(sqlType = "bindsql_mood")
        Mood mood;

        Movie() {
        }

        Movie(long id, Rating rating, String label, Mood mood) {
            this.id = id;
            this.rating = rating;
            this.label = label;
            this.mood = mood;
        }
    }

    private static final ComparableAttribute<Movie, Long> ID = new ComparableAttribute<>(Movie.class, "id", Long.class);
    private static final Attribute<Movie, Rating> RATING = new Attribute<>(Movie.class, "rating", Rating.class);
    private static final Attribute<Movie, String> LABEL = new Attribute<>(Movie.class, "label", String.class);
    private static final Attribute<Movie, Mood> MOOD = new Attribute<>(Movie.class, "mood", Mood.class);

    private static SessionFactory fresh(Engine engine) {
        assertThat(String.valueOf(engine.config().jdbcUrl())).doesNotContain("stringtype");
        SessionFactory sessions = SessionFactory.builder(engine).entities(Movie.class).build();
        sessions.schema().dropAll();
        engine.runInTransaction(c -> {
            c.execute(text("drop type if exists bindsql_rating"));
            c.execute(text("drop type if exists bindsql_mood"));
            c.execute(text("create type bindsql_rating as enum ('G', 'PG-13', 'NC-17')"));
            c.execute(text("create type bindsql_mood as enum ('CALM', 'ANGRY')"));
        });
        sessions.schema().createAll();
        return sessions;
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void insertUpdateNullAndQueriesBindAsTheEnum(Engine engine) {
        SessionFactory sessions = fresh(engine);
        sessions.inTransaction(s -> {
            s.add(new Movie(1, Rating.PG_13, "G", Mood.CALM));
            s.add(new Movie(2, Rating.NC_17, "NC-17", Mood.ANGRY));
            s.add(new Movie(3, null, null, null));
            return null;
        });
        try (Session s = sessions.open()) {
            Movie m = s.get(Movie.class, 1L);
            assertThat(m.rating).isEqualTo(Rating.PG_13);
            assertThat(m.label).isEqualTo("G");
            assertThat(m.mood).isEqualTo(Mood.CALM);
            assertThat(s.select(Movie.class).where(RATING.eq(Rating.NC_17)).list()).extracting(x -> x.id).containsExactly(2L);
            assertThat(s.select(Movie.class).where(RATING.in(List.of(Rating.PG_13, Rating.NC_17))).orderBy(ID.asc()).list())
                    .extracting(x -> x.id).containsExactly(1L, 2L);
            assertThat(s.select(Movie.class).where(RATING.ne(Rating.G)).orderBy(ID.asc()).list()).extracting(x -> x.id)
                    .containsExactly(1L, 2L);
            assertThat(s.select(Movie.class).where(LABEL.eq("NC-17")).list()).extracting(x -> x.id).containsExactly(2L);
            assertThat(s.select(Movie.class).where(LABEL.in(List.of("G", "PG-13"))).list()).extracting(x -> x.id).containsExactly(1L);
            assertThat(s.select(Movie.class).where(MOOD.eq(Mood.ANGRY)).list()).extracting(x -> x.id).containsExactly(2L);
            assertThat(s.select(Movie.class).where(MOOD.in(List.of(Mood.CALM))).list()).extracting(x -> x.id).containsExactly(1L);
            assertThat(s.select(Movie.class).where(RATING.eq((Rating) null)).list()).extracting(x -> x.id).containsExactly(3L);
            assertThat(s.select(RATING).where(ID.eq(2L)).one().get(0)).isEqualTo(Rating.NC_17);
        }
        sessions.inTransaction(s -> {
            Movie one = s.get(Movie.class, 1L);
            one.rating = null;
            one.label = null;
            one.mood = null;
            Movie three = s.get(Movie.class, 3L);
            three.rating = Rating.G;
            three.label = "PG-13";
            three.mood = Mood.ANGRY;
            return null;
        });
        sessions.inTransaction(s -> {
            s.update(Movie.class).set(RATING, Rating.G).where(RATING.eq(Rating.NC_17)).execute();
            return null;
        });
        try (Session s = sessions.open()) {
            assertThat(s.select(Movie.class).orderBy(ID.asc()).list()).extracting(x -> x.rating)
                    .containsExactly(null, Rating.G, Rating.G);
            Movie three = s.get(Movie.class, 3L);
            assertThat(three.label).isEqualTo("PG-13");
            assertThat(three.mood).isEqualTo(Mood.ANGRY);
            assertThat(s.execute(text("select rating::text from bindsql_movie where id = 3")).one().get(0)).isEqualTo("G");
        }
        sessions.inTransaction(s -> {
            s.delete(s.get(Movie.class, 2L));
            return null;
        });
        try (Session s = sessions.open()) {
            assertThat(s.select(Movie.class).list()).extracting(x -> x.id).containsExactlyInAnyOrder(1L, 3L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void bulkInsertsBindAsTheEnumInBatchesAndCopy(Engine engine) {
        SessionFactory sessions = fresh(engine);
        for (BulkMode mode : BulkMode.values()) {
            long base = mode == BulkMode.BATCH ? 10 : 20;
            sessions.inTransaction(s -> {
                List<Map<String, Object>> rows = List.of(row(base + 1, Rating.NC_17, "PG-13", Mood.ANGRY), row(base + 2, null, null, null));
                return s.bulkInsertMappings(Movie.class, rows, mode);
            });
            try (Session s = sessions.open()) {
                Movie m = s.get(Movie.class, base + 1);
                assertThat(m.rating).as(mode.name()).isEqualTo(Rating.NC_17);
                assertThat(m.label).isEqualTo("PG-13");
                assertThat(m.mood).isEqualTo(Mood.ANGRY);
                Movie empty = s.get(Movie.class, base + 2);
                assertThat(empty.rating).isNull();
                assertThat(empty.mood).isNull();
            }
        }
        sessions.inTransaction(s -> s.bulkUpdateMappings(Movie.class, List.of(row(11, Rating.G, "G", Mood.CALM))));
        try (Session s = sessions.open()) {
            assertThat(s.get(Movie.class, 11L).rating).isEqualTo(Rating.G);
            assertThat(s.get(Movie.class, 11L).mood).isEqualTo(Mood.CALM);
        }
    }

    private static Map<String, Object> row(long id, Rating rating, String label, Mood mood) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("rating", rating);
        row.put("label", label);
        row.put("mood", mood);
        return row;
    }
}
