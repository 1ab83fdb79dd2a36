package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Album_;
import io.athanor.orm.model.loading.Genre;
import io.athanor.orm.model.loading.Genre_;
import io.athanor.orm.model.loading.Track;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Many-to-many: link rows written at flush, and the collection loaded by every strategy. */
class ManyToManyTest {

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        f.runInTransaction(s -> {
            Genre jazz = new Genre("jazz");
            Genre rock = new Genre("rock");
            Genre folk = new Genre("folk");
            s.addAll(List.of(jazz, rock, folk));
            for (int a = 0; a < 4; a++) {
                Album album = new Album("album " + a);
                album.getGenres().add(a % 2 == 0 ? jazz : rock);
                if (a < 2) {
                    album.getGenres().add(folk);
                }
                s.add(album);
            }
        });
        return f;
    }

    private static String genres(List<Album> albums) {
        return albums.stream().map(a -> a.getTitle() + "=" + a.getGenres().stream().map(Genre::getName).sorted()
                .collect(Collectors.joining("+"))).collect(Collectors.joining(","));
    }

    @DatabaseTest
    void theFlushWritesOneLinkRowPerElement(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open()) {
            assertThat(s.execute(Text.text("select count(*) from albums_genres"), Map.of()).scalar(Long.class)).isEqualTo(6L);
        }
    }

    @DatabaseTest
    void everyStrategyLoadsTheSameLinks(Engine engine) {
        SessionFactory f = seeded(engine);
        String lazy;
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Album> albums = s.select(Album.class).orderBy(Album_.title).list();
            assertThat(Athanor.isLoaded(albums.get(0), Album_.genres)).isFalse();
            lazy = genres(albums);
            assertThat(sql.count()).isEqualTo(1 + 4);
        }
        assertThat(lazy).isEqualTo("album 0=folk+jazz,album 1=folk+rock,album 2=jazz,album 3=rock");
        for (Object[] c : new Object[][] {{selectinLoad(Album_.genres), 2}, {joinedLoad(Album_.genres), 1},
                {subqueryLoad(Album_.genres), 2}}) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                List<Album> albums = s.select(Album.class).orderBy(Album_.title).options((Load) c[0]).list();
                assertThat(genres(albums)).as("%s", c[0]).isEqualTo(lazy);
                assertThat(sql.count()).as("%s", c[0]).isEqualTo(c[1]);
            }
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Genre> all = s.select(Genre.class).orderBy(Genre_.name).options(selectinLoad(Genre_.albums)).list();
            assertThat(all).extracting(g -> g.getName() + ":" + g.getAlbums().size())
                    .containsExactly("folk:2", "jazz:2", "rock:2");
            assertThat(sql.count()).as("the inverse side loads through the same link table; the albums' tracks (JOINED on "
                    + "the mapping) follow with one statement, as the albums did not come from a joinable query").isEqualTo(3);
        }
    }

    @DatabaseTest
    void addingAndRemovingElementsWritesAndDeletesLinks(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Album album = s.select(Album.class).where(Album_.title.eq("album 0")).one();
            Genre rock = s.select(Genre.class).where(Genre_.name.eq("rock")).one();
            album.getGenres().removeIf(g -> g.getName().equals("jazz"));
            album.getGenres().add(rock);
            sql.clear();
            s.commit();
            assertThat(sql.sql()).hasSize(2);
            assertThat(sql.sql().get(0)).startsWith("DELETE FROM albums_genres");
            assertThat(sql.sql().get(1)).startsWith("INSERT INTO albums_genres");
            sql.clear();
            s.flush();
            assertThat(sql.count()).as("nothing left to write").isZero();
        }
        try (Session s = f.open()) {
            Album album = s.select(Album.class).where(Album_.title.eq("album 0")).options(selectinLoad(Album_.genres)).one();
            assertThat(album.getGenres()).extracting(Genre::getName).containsExactlyInAnyOrder("folk", "rock");
            album.getGenres().add(new Genre("unsaved"));
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class).hasMessageContaining("Album.genres")
                    .hasMessageContaining("session.add");
        }
    }

    @DatabaseTest
    void joinedRowsThatRepeatPairsGiveEachElementOnceUnderEachOfItsParents(Engine engine) {
        SessionFactory f = seeded(engine);
        f.runInTransaction(s -> {
            Album first = s.select(Album.class).where(Album_.title.eq("album 0")).one();
            s.addAll(List.of(new Track("t1", 1, first), new Track("t2", 2, first), new Track("t3", 3, first)));
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // each album row repeats for each genre (album 0: three tracks times two genres), a genre under several albums
            List<Album> albums = s.select(Album.class).orderBy(Album_.title).options(joinedLoad(Album_.genres)).list();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(genres(albums)).isEqualTo("album 0=folk+jazz,album 1=folk+rock,album 2=jazz,album 3=rock");
            Album first = albums.get(0);
            assertThat(first.getTracks()).extracting(Track::getTitle).containsExactly("t1", "t2", "t3");
            assertThat(first.getTracks()).allSatisfy(t -> assertThat(t.getAlbum()).isSameAs(first));
            assertThat(albums.get(1).getTracks()).isEmpty();
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            // an album under two genres, and each (album, genre) pair of the second level under several first-level genres
            List<Genre> all = s.select(Genre.class).orderBy(Genre_.name)
                    .options(joinedLoad(Genre_.albums).joinedLoad(Album_.genres)).list();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(all).extracting(g -> g.getName() + ":" + g.getAlbums().stream().map(Album::getTitle).sorted()
                    .collect(Collectors.joining("+"))).containsExactly("folk:album 0+album 1", "jazz:album 0+album 2",
                    "rock:album 1+album 3");
            assertThat(genres(all.get(0).getAlbums().stream().sorted(java.util.Comparator.comparing(Album::getTitle)).toList()))
                    .isEqualTo("album 0=folk+jazz,album 1=folk+rock");
            assertThat(all.get(0).getAlbums().get(0).getGenres()).contains(all.get(0));
        }
    }
}
