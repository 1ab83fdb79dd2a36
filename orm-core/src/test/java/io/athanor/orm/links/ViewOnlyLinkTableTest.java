package io.athanor.orm.links;

import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.linktable.Actor;
import io.athanor.orm.model.linktable.Film;
import io.athanor.orm.model.linktable.FilmActor;
import io.athanor.orm.model.linktable.ViewFilm;
import io.athanor.orm.model.linktable.ViewFilmActor;
import io.athanor.orm.model.linktable.ViewFilmActor_;
import io.athanor.orm.model.linktable.ViewFilm_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code viewOnly} many-to-many through a table that an entity writes: the entity may have columns a link insert
 * could not fill, the collection navigates, and the flush refuses changes made to the collection.
 */
class ViewOnlyLinkTableTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(ViewFilm.class, ViewFilmActor.class, Actor.class, Film.class, FilmActor.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            s.addAll(List.of(new Actor(1, "ann"), new Actor(2, "bob"), new Actor(3, "cy")));
            s.addAll(List.of(new ViewFilm(10), new ViewFilm(20)));
            s.addAll(List.of(new ViewFilmActor(10, 2, "lead"), new ViewFilmActor(10, 1, "extra"),
                    new ViewFilmActor(20, 3, "cameo")));
        });
        return f;
    }

    private static long links(Session s) {
        return ((Number) s.execute(text("select count(*) from lt_view_film_actor")).one().get(0)).longValue();
    }

    @DatabaseTest
    void theCollectionNavigatesRowsTheEntityWrote(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load option : List.of(lazyLoad(ViewFilm_.actors), selectinLoad(ViewFilm_.actors))) {
            try (Session s = f.open()) {
                assertThat(s.select(ViewFilm.class).orderBy(ViewFilm_.id).options(option).list())
                        .extracting(film -> film.getActors().stream().map(Actor::getName).toList())
                        .as("%s", option).containsExactly(List.of("ann", "bob"), List.of("cy"));
            }
        }
    }

    @DatabaseTest
    void changingTheCollectionIsRefusedAtFlushAndWritesNothing(Engine engine) {
        SessionFactory f = seeded(engine);
        assertThatThrownBy(() -> f.runInTransaction(s -> {
            s.add(new Actor(4, "dee"));
            s.get(ViewFilm.class, 20L).getActors().add(s.get(Actor.class, 2L));
        })).isInstanceOf(AthanorException.class)
                .hasMessageContaining("ViewFilm.actors is viewOnly, but elements were added to it; it never writes link rows");
        assertThatThrownBy(() -> f.runInTransaction(s -> s.get(ViewFilm.class, 10L).getActors().clear()))
                .isInstanceOf(AthanorException.class).hasMessageContaining("elements were removed from it");
        try (Session s = f.open()) {
            assertThat(links(s)).isEqualTo(3);
            assertThat(s.get(Actor.class, 4L)).isNull();
        }
    }

    @DatabaseTest
    void deletingAParentDeletesNoLinkRowsAndTheEntityRowsGoFirst(Engine engine) {
        SessionFactory f = seeded(engine);
        f.runInTransaction(s -> {
            for (ViewFilmActor row : s.select(ViewFilmActor.class).where(ViewFilmActor_.filmId.eq(10L)).list()) {
                s.delete(row);
            }
            s.delete(s.get(ViewFilm.class, 10L));
        });
        try (Session s = f.open()) {
            assertThat(s.select(ViewFilmActor.class).list()).extracting(ViewFilmActor::getRole).containsExactly("cameo");
            assertThat(new ArrayList<>(s.get(ViewFilm.class, 20L).getActors())).extracting(Actor::getName)
                    .containsExactly("cy");
        }
    }

    @Entity
    @Table(name = "lt_inverse_view")
    static class InverseView {
        @Id
        Long id;

        @ManyToMany(mappedBy = "actors", viewOnly = true)
        List<Film> films = new ArrayList<>();
    }

    @DatabaseTest
    void viewOnlyOnTheInverseSideIsAMappingError(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine).entities(InverseView.class, Film.class, Actor.class).build())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("is the inverse side of a @ManyToMany (mappedBy) with viewOnly = true");
    }
}
