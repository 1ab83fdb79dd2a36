package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.lazyLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.reports.Actor;
import io.athanor.orm.model.reports.Actor_;
import io.athanor.orm.model.reports.Film;
import io.athanor.orm.model.reports.Film_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A many-to-many's {@code orderBy} decides the order of the loaded collection, whichever strategy loads it and from
 * either side: {@code Film.actors} is ordered by name descending, {@code Actor.films} by title, and neither order is
 * the order of the keys.
 */
class ManyToManyOrderTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Film.class, Actor.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Actor ann = new Actor("ann");
            Actor bob = new Actor("bob");
            Actor cy = new Actor("cy");
            s.addAll(List.of(ann, bob, cy));
            Film zeta = new Film("zeta");
            Film alpha = new Film("alpha");
            Film mid = new Film("mid");
            zeta.getActors().addAll(List.of(ann, cy, bob));
            alpha.getActors().addAll(List.of(bob, ann));
            mid.getActors().add(ann);
            s.addAll(List.of(zeta, alpha, mid));
        });
        return f;
    }

    @DatabaseTest
    void everyStrategyGivesTheMappedOrderOfActors(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load option : List.of(lazyLoad(Film_.actors), selectinLoad(Film_.actors), subqueryLoad(Film_.actors),
                joinedLoad(Film_.actors))) {
            try (Session s = f.open()) {
                List<Film> films = s.select(Film.class).orderBy(Film_.title).options(option).list();
                assertThat(films).as("%s", option).extracting(film -> film.getTitle() + "=" + film.getActors().stream()
                        .map(Actor::getName).collect(Collectors.joining(",")))
                        .containsExactly("alpha=bob,ann", "mid=ann", "zeta=cy,bob,ann");
            }
        }
    }

    @DatabaseTest
    void everyStrategyGivesTheMappedOrderOfFilmsOnTheInverseSide(Engine engine) {
        SessionFactory f = seeded(engine);
        for (Load option : List.of(lazyLoad(Actor_.films), selectinLoad(Actor_.films), subqueryLoad(Actor_.films),
                joinedLoad(Actor_.films))) {
            try (Session s = f.open()) {
                List<Actor> actors = s.select(Actor.class).orderBy(Actor_.name).options(option).list();
                assertThat(actors).as("%s", option).extracting(actor -> actor.getName() + "=" + actor.getFilms().stream()
                        .map(Film::getTitle).collect(Collectors.joining(",")))
                        .containsExactly("ann=alpha,mid,zeta", "bob=alpha,zeta", "cy=zeta");
            }
        }
    }
}
