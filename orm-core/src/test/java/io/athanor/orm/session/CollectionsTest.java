package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.uow.Playlist;
import io.athanor.orm.model.uow.Track;
import io.athanor.orm.test.DatabaseTest;

/** Delete-orphan and keeping a loaded collection in step with new children, on PostgreSQL, MariaDB and H2. */
class CollectionsTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Playlist.class, Track.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Playlist p = new Playlist("mix");
            p.tracks.add(new Track("one", 1, p));
            p.tracks.add(new Track("two", 2, p));
            p.tracks.add(new Track("three", 3, p));
            s.add(p);
        });
        return f;
    }

    @DatabaseTest
    void removingAnElementOfAnOrphanRemovalCollectionDeletesIt(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            Playlist p = s.select(Playlist.class).one();
            assertThat(p.tracks).extracting(t -> t.title).containsExactly("one", "two", "three");
            p.tracks.remove(1);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Playlist.class).one().tracks).extracting(t -> t.title).containsExactly("one", "three");
            assertThat(s.select(Track.class).count()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void aNewChildJoinsItsParentsLoadedCollection(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            Playlist p = s.select(Playlist.class).one();
            Track four = new Track("four", 4, p);
            s.add(four);
            s.flush();
            assertThat(p.tracks).last().isSameAs(four);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.select(Playlist.class).one().tracks).hasSize(4);
        }
    }
}
