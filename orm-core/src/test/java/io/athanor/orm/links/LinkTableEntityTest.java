package io.athanor.orm.links;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.linktable.Actor;
import io.athanor.orm.model.linktable.BadFilm;
import io.athanor.orm.model.linktable.BadFilmActor;
import io.athanor.orm.model.linktable.Film;
import io.athanor.orm.model.linktable.FilmActor;
import io.athanor.orm.model.linktable.FilmActor_;
import io.athanor.orm.model.linktable.LonelyFilm;
import io.athanor.orm.model.linktable.LonelyFilmActor;
import io.athanor.orm.model.linktable.Film_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A link table that is also an entity's table: {@code Film.actors} navigates through {@code lt_film_actor}, which
 * {@link FilmActor} maps with a column of its own ({@code billing}, server default 0).
 */
class LinkTableEntityTest {

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

    private static String cast(Session s) {
        return s.select(Film.class).orderBy(Film_.title).options(selectinLoad(Film_.actors)).list().stream()
                .map(film -> film.getTitle() + "=" + film.getActors().stream().map(Actor::getName)
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(" "));
    }

    @DatabaseTest
    void theSharedTableIsCreatedOnceFromTheEntityWithItsKeys(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Film.class, Actor.class, FilmActor.class).build();
        List<String> creates = f.schema().createStatements().stream()
                .filter(sql -> sql.toLowerCase().contains("lt_film_actor")).collect(Collectors.toList());
        List<String> tables = creates.stream().filter(sql -> sql.toUpperCase().startsWith("CREATE TABLE"))
                .collect(Collectors.toList());
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).toLowerCase()).contains("billing", "role", "primary key");
        String all = String.join("\n", creates).toLowerCase();
        assertThat(all).contains("references").contains("lt_film").contains("lt_actor");
        assertThat(f.schema().dropStatements().stream().filter(sql -> sql.toLowerCase().contains("lt_film_actor")
                && sql.toUpperCase().startsWith("DROP TABLE"))).hasSize(1);
        f.schema().dropAll();
        f.schema().createAll();
        f.schema().dropAll();
        // the many-to-many's side alone creates the shared table too, with the entity's columns
        f.schema().create(Film.class, Actor.class);
        f.runInTransaction(s -> {
            Film film = new Film(1, "solo");
            Actor actor = new Actor(1, "ann");
            film.getActors().add(actor);
            s.addAll(List.of(actor, film));
        });
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("1/1/0/null");
        }
    }

    @DatabaseTest
    void anEntityWithoutALinkColumnIsRefusedAtStartUp(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine).entities(LonelyFilm.class, Actor.class, Film.class,
                FilmActor.class, LonelyFilmActor.class).build())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Link table lt_lonely_film_actor of LonelyFilm.actors is also the table of entity "
                        + LonelyFilmActor.class.getName() + ", which has no column 'actor_id'");
    }

    @DatabaseTest
    void insertsThroughTheCollectionLeaveTheExtraColumnsAtTheirDefaults(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null 10/2/0/null 20/3/0/null");
        }
    }

    @DatabaseTest
    void navigationLoadsThroughEveryStrategy(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load option : List.of(lazyLoad(Film_.actors), selectinLoad(Film_.actors), joinedLoad(Film_.actors))) {
            try (Session s = f.open()) {
                List<Film> films = s.select(Film.class).orderBy(Film_.title).options(option).list();
                assertThat(films).as("%s", option).extracting(film -> film.getTitle() + "=" + film.getActors().stream()
                        .map(Actor::getName).collect(Collectors.joining(","))).containsExactly("alpha=ann,bob", "zeta=cy");
            }
        }
        try (Session s = f.open()) {
            assertThat(s.get(Actor.class, 1L).getFilms()).extracting(Film::getTitle).containsExactly("alpha");
        }
    }

    @DatabaseTest
    void theEntityInsertsUpdatesDeletesAndQueriesItsRows(Engine engine) {
        SessionFactory f = seeded(engine);
        f.runInTransaction(s -> {
            // a new parent and a row of the entity that refers to it, in one flush: the parent goes first
            s.add(new Film(30, "mid"));
            s.add(new FilmActor(30, 2, 1, "lead"));
            FilmActor annInAlpha = s.select(FilmActor.class)
                    .where(FilmActor_.filmId.eq(10L).and(FilmActor_.actorId.eq(1L))).one();
            annInAlpha.setBilling(2);
            annInAlpha.setRole("villain");
            s.delete(s.select(FilmActor.class).where(FilmActor_.filmId.eq(20L)).one());
        });
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/2/villain 10/2/0/null 30/2/1/lead");
            assertThat(cast(s)).isEqualTo("alpha=ann,bob mid=bob zeta=");
            assertThat(s.select(FilmActor.class).where(FilmActor_.billing.gt(0)).orderBy(FilmActor_.filmId).list())
                    .extracting(FilmActor::getRole).containsExactly("villain", "lead");
            assertThat(s.select(FilmActor.class).where(FilmActor_.role.isNull()).count()).isEqualTo(1);
        }
    }

    @DatabaseTest
    void collectionAndEntityWritesShareOneFlushAndDeletingAParentDeletesItsLinks(Engine engine) {
        SessionFactory f = seeded(engine);
        f.runInTransaction(s -> {
            Film zeta = s.get(Film.class, 20L);
            zeta.getActors().add(s.get(Actor.class, 1L));
            s.add(new FilmActor(20, 2, 3, "cameo"));
            Film alpha = s.get(Film.class, 10L);
            alpha.getActors().remove(s.get(Actor.class, 2L));
        });
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null 20/1/0/null 20/2/3/cameo 20/3/0/null");
        }
        f.runInTransaction(s -> s.delete(s.get(Film.class, 20L)));
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null");
            assertThat(((Number) s.execute(text("select count(*) from lt_film_actor")).one().get(0)).longValue())
                    .isEqualTo(1L);
        }
    }

    @DatabaseTest
    void aRollbackLeavesTheDataAsItWas(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            s.begin();
            s.get(Film.class, 20L).getActors().add(s.get(Actor.class, 2L));
            s.add(new FilmActor(20, 1, 5, "extra"));
            s.select(FilmActor.class).where(FilmActor_.filmId.eq(10L).and(FilmActor_.actorId.eq(1L))).one().setRole("x");
            s.flush();
            assertThat(rows(s)).isEqualTo("10/1/0/x 10/2/0/null 20/1/5/extra 20/2/0/null 20/3/0/null");
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(rows(s)).isEqualTo("10/1/0/null 10/2/0/null 20/3/0/null");
            assertThat(cast(s)).isEqualTo("alpha=ann,bob zeta=cy");
        }
    }

    @DatabaseTest
    void aNotNullExtraColumnWithoutADefaultIsRefusedAtStartUp(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine)
                .entities(BadFilm.class, Actor.class, Film.class, FilmActor.class, BadFilmActor.class).build())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Link table lt_bad_film_actor of BadFilm.actors is also the table of entity "
                        + BadFilmActor.class.getName() + ", whose column 'role' is NOT NULL without a server default")
                .hasMessageContaining("make it nullable or give it a server default with @Column(serverDefault = ...)");
    }
}
