package io.athanor.orm.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.linktable.Actor;
import io.athanor.orm.model.linktable.Film;
import io.athanor.orm.model.linktable.FilmActor;
import io.athanor.orm.model.linktable.FilmActor_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One flush that writes a link table both through a many-to-many and through the entity mapping the same table:
 * a link entity deleted with its parent, and a link row added both ways (refused before any SQL).
 */
class LinkTableEntityFlushTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Film.class, Actor.class, FilmActor.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Actor ann = new Actor(1, "ann");
            Actor bob = new Actor(2, "bob");
            Actor cy = new Actor(3, "cy");
            s.addAll(List.of(ann, bob, cy));
            Film alpha = new Film(10, "alpha");
            Film zeta = new Film(20, "zeta");
            alpha.getActors().addAll(List.of(bob, ann));
            zeta.getActors().add(cy);
            s.addAll(List.of(alpha, zeta));
        });
        return f;
    }

    private static String rows(Session s) {
        return s.select(FilmActor.class).orderBy(FilmActor_.filmId, FilmActor_.actorId).list().stream()
                .map(fa -> fa.getFilmId() + "/" + fa.getActorId() + "/" + fa.getBilling() + "/" + fa.getRole())
                .collect(Collectors.joining(" "));
    }

    private static String films(Session s) {
        return s.select(Film.class).list().stream().map(Film::getTitle).sorted().collect(Collectors.joining(","));
    }

    @DatabaseTest
    void aLinkEntityDeletedWithItsParentInOneFlush(Engine engine) {
        SessionFactory f = seeded(engine);
        f.runInTransaction(s -> {
            FilmActor annInAlpha = s.select(FilmActor.class)
                    .where(FilmActor_.filmId.eq(10L).and(FilmActor_.actorId.eq(1L))).one();
            s.delete(annInAlpha);
            s.delete(s.get(Film.class, 10L));
        });
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("20/3/0/null");
            assertThat(films(s)).isEqualTo("zeta");
        }
        f.runInTransaction(s -> { // the parent first this time, its collection loaded, and every link row as an entity
            Film zeta = s.get(Film.class, 20L);
            assertThat(zeta.getActors()).hasSize(1);
            s.delete(zeta);
            s.select(FilmActor.class).list().forEach(s::delete);
        });
        try (Session s = f.open()) {
            assertThat(rows(s)).isEmpty();
            assertThat(films(s)).isEmpty();
        }
    }

    @DatabaseTest
    void aLinkEntityDeletedWithItsParentRollsBackAsAWhole(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            s.begin();
            s.delete(s.select(FilmActor.class).where(FilmActor_.filmId.eq(10L).and(FilmActor_.actorId.eq(2L))).one());
            s.delete(s.get(Film.class, 10L));
            s.flush();
            assertThat(rows(s)).isEqualTo("20/3/0/null");
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null 10/2/0/null 20/3/0/null");
            assertThat(films(s)).isEqualTo("alpha,zeta");
        }
    }

    @DatabaseTest
    void aLinkRowAddedThroughTheCollectionAndAsAnEntityIsRefusedBeforeAnySql(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            Film zeta = s.get(Film.class, 20L);
            Actor ann = s.get(Actor.class, 1L);
            zeta.getActors().add(ann);
            s.add(new FilmActor(20, 1, 4, "cameo"));
            s.get(Film.class, 10L).getActors().add(s.get(Actor.class, 3L)); // a link added one way only
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                assertThatThrownBy(s::flush)
                        .hasMessageContaining("Film.actors")
                        .hasMessageContaining("FilmActor")
                        .hasMessageContaining("lt_film_actor")
                        .hasMessageContaining("film_id = 20").hasMessageContaining("actor_id = 1")
                        .hasMessageContaining("either");
                assertThat(sql.sql()).as("nothing was sent").noneMatch(x -> x.startsWith("INSERT") || x.startsWith("DELETE"));
            }
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null 10/2/0/null 20/3/0/null");
        }
        f.runInTransaction(s -> { // the fix the message gives: the entity only, then the collection reads it
            s.add(new FilmActor(20, 1, 4, "cameo"));
        });
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null 10/2/0/null 20/1/4/cameo 20/3/0/null");
            assertThat(s.get(Film.class, 20L).getActors()).extracting(Actor::getName).containsExactly("ann", "cy");
        }
    }

    @DatabaseTest
    void aLinkEntityAndALinkOfANewParentRefusedTheSameWay(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            Film mid = new Film(30, "mid");
            mid.getActors().add(s.get(Actor.class, 2L));
            s.add(mid);
            s.add(new FilmActor(30, 2, 1, "lead"));
            assertThatThrownBy(s::flush).hasMessageContaining("film_id = 30").hasMessageContaining("actor_id = 2");
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(films(s)).isEqualTo("alpha,zeta");
        }
    }
}
