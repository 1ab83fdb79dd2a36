package io.athanor.orm.loading;

import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.DetachedInstanceException;
import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.UnloadedRelationshipException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.loading.Album;
import io.athanor.orm.model.loading.Album_;
import io.athanor.orm.model.loading.Customer;
import io.athanor.orm.model.loading.Customer_;
import io.athanor.orm.model.loading.Note;
import io.athanor.orm.model.loading.Note_;
import io.athanor.orm.model.loading.Track;
import io.athanor.orm.model.loading.Track_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/** DYNAMIC relationships as query objects, and strategies chosen on the mapping (JOINED, RAISE). */
class DynamicAndRaiseTest {

    @DatabaseTest
    @SuppressWarnings("try") // the session is closed early on purpose, to show the detached error
    void aDynamicRelationshipIsAQueryThatLoadsOnlyWhatIsAsked(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        f.runInTransaction(s -> {
            Customer c = new Customer("writer");
            c.getNotes().add(new Note("alpha"));
            c.getNotes().add(new Note("beta"));
            s.add(c);
            c.getNotes().add(new Note("gamma"));
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Customer c = s.select(Customer.class).one();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(Athanor.isLoaded(c, Customer_.notes)).isFalse();
            assertThat(c.getNotes().count()).isEqualTo(3);
            assertThat(sql.count()).isEqualTo(2);
            assertThat(c.getNotes().where(Note_.text.like("%a")).orderBy(Note_.text.desc()).list())
                    .extracting(Note::getText).containsExactly("gamma", "beta", "alpha");
            assertThat(c.getNotes().orderBy(Note_.text).limit(1).list()).extracting(Note::getText).containsExactly("alpha");
            assertThat(sql.count()).as("one statement per explicit query").isEqualTo(4);
            Note beta = c.getNotes().where(Note_.text.eq("beta")).list().get(0);
            c.getNotes().remove(beta);
            c.getNotes().add(new Note("delta"));
            s.commit();
        }
        try (Session s = f.open()) {
            Customer c = s.select(Customer.class).one();
            assertThat(c.getNotes().orderBy(Note_.text).list()).extracting(Note::getText)
                    .containsExactly("alpha", "delta", "gamma");
            s.close();
            assertThatThrownBy(() -> c.getNotes().list()).isInstanceOf(DetachedInstanceException.class)
                    .hasMessageContaining("Customer.notes");
        }
    }

    @DatabaseTest
    void mappingLevelJoinedAndRaise(Engine engine) {
        SessionFactory f = LoadingFixture.factory(engine, NPlusOne.OFF);
        f.runInTransaction(s -> {
            for (int a = 0; a < 3; a++) {
                Album album = new Album("album " + a);
                s.add(album);
                for (int t = 2; t >= 0; t--) {
                    s.add(new Track("track " + a + "." + t, t, album));
                }
            }
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Album> albums = s.select(Album.class).orderBy(Album_.title).list();
            assertThat(sql.count()).isEqualTo(1);
            assertThat(albums.get(1).getTracks()).extracting(Track::getTitle)
                    .containsExactly("track 1.0", "track 1.1", "track 1.2");
            assertThat(albums.get(1).getTracks().get(0).getAlbum()).isSameAs(albums.get(1));
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Track track = s.select(Track.class).where(Track_.title.eq("track 2.1")).one();
            Album album = track.getAlbum();
            assertThat(album.getId()).as("the id getter works without loading").isNotNull();
            assertThatThrownBy(album::getTitle).isInstanceOf(UnloadedRelationshipException.class)
                    .hasMessageContaining("Track.album").hasMessageContaining("selectinLoad(Track_.album)");
            assertThat(sql.count()).isEqualTo(1);
            Track loaded = s.select(Track.class).where(Track_.title.eq("track 0.0")).options(selectinLoad(Track_.album)).one();
            assertThat(loaded.getAlbum().getTitle()).isEqualTo("album 0");
        }
    }
}
