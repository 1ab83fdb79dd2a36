package io.athanor.orm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Athanor;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.sync.Band;
import io.athanor.orm.model.sync.Band_;
import io.athanor.orm.model.sync.Musician;
import io.athanor.orm.model.sync.Musician_;
import io.athanor.orm.model.sync.Passport;
import io.athanor.orm.model.sync.Tour;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.stream.Collectors;

/** Enhanced entities in a session: in-memory changes agree with what the flush writes and a new session reads. */
class EnhancedSessionTest {

    private static long seed(SessionFactory f) {
        return f.inTransaction(s -> {
            Band beatles = new Band("Beatles");
            s.add(beatles);
            for (String name : List.of("John", "Paul", "George")) {
                beatles.getMembers().add(new Musician(name));
            }
            s.add(new Band("Wings"));
            s.flush();
            return beatles.getId();
        });
    }

    private static String members(SessionFactory f, String band) {
        try (Session s = f.open()) {
            return s.select(Musician.class).join(Band.class).where(Band_.name.eq(band)).orderBy(Musician_.name)
                    .list().stream().map(Musician::getName).collect(Collectors.joining(","));
        }
    }

    @DatabaseTest
    void childrenAddedToANewParentsCollectionAreSavedWithItsKey(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        assertThat(members(f, "Beatles")).isEqualTo("George,John,Paul");
    }

    @DatabaseTest
    void settingTheParentOfALoadedChildMovesItBetweenLoadedCollectionsAndTheFlushAgrees(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        f.runInTransaction(s -> {
            Band beatles = s.select(Band.class).where(Band_.name.eq("Beatles")).one();
            Band wings = s.select(Band.class).where(Band_.name.eq("Wings")).one();
            Musician paul = beatles.getMembers().stream().filter(m -> m.getName().equals("Paul")).findFirst().orElseThrow();
            assertThat(wings.getMembers()).isEmpty();

            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                paul.setBand(wings);
                assertThat(sql.count()).as("the change is made in memory").isZero();
            }
            assertThat(beatles.getMembers()).extracting(Musician::getName).containsExactly("John", "George");
            assertThat(wings.getMembers()).containsExactly(paul);
        });
        assertThat(members(f, "Beatles")).isEqualTo("George,John");
        assertThat(members(f, "Wings")).isEqualTo("Paul");
    }

    @DatabaseTest
    void settingTheParentToOneWhoseCollectionIsNotLoadedQueuesTheChildWithoutAStatement(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        f.runInTransaction(s -> {
            Band beatles = s.select(Band.class).where(Band_.name.eq("Beatles")).one();
            Musician ringo = new Musician("Ringo");
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                ringo.setBand(beatles);
                assertThat(Athanor.isLoaded(beatles, Band_.members)).isFalse();
                assertThat(sql.count()).as("nothing loaded to add one member").isZero();
            }
            assertThat(beatles.getMembers()).as("loaded from the database, plus the member set in memory")
                    .extracting(Musician::getName).containsExactlyInAnyOrder("John", "Paul", "George", "Ringo");
            s.add(ringo);
        });
        assertThat(members(f, "Beatles")).isEqualTo("George,John,Paul,Ringo");
    }

    @DatabaseTest
    void leavingAParentWhoseCollectionIsNotLoadedIsAppliedWhenItLoads(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        f.runInTransaction(s -> {
            Musician paul = s.select(Musician.class).where(Musician_.name.eq("Paul")).one();
            Band beatles = paul.getBand();
            Band wings = s.select(Band.class).where(Band_.name.eq("Wings")).one();
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                paul.setBand(wings);
                assertThat(sql.count()).as("neither band's members load").isZero();
            }
            assertThat(Athanor.isLoaded(beatles, Band_.members)).isFalse();
            assertThat(beatles.getMembers()).as("the database still lists Paul; the change made in memory wins")
                    .extracting(Musician::getName).containsExactlyInAnyOrder("John", "George");
            assertThat(wings.getMembers()).containsExactly(paul);
        });
        assertThat(members(f, "Wings")).isEqualTo("Paul");
    }

    @DatabaseTest
    void replacingACollectionThatIsNotLoadedUnlinksWhatItHeld(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        f.runInTransaction(s -> {
            Band beatles = s.select(Band.class).where(Band_.name.eq("Beatles")).one();
            Musician ringo = new Musician("Ringo");
            beatles.setMembers(new java.util.ArrayList<>(List.of(ringo)));
            assertThat(ringo.getBand()).isSameAs(beatles);
            assertThat(s.select(Musician.class).where(Musician_.name.eq("John")).one().getBand()).isNull();
            s.add(ringo);
        });
        assertThat(members(f, "Beatles")).isEqualTo("Ringo");
    }

    @DatabaseTest
    void aCollectionThatIsNotLoadedRefusesToBeSerialised(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        try (Session s = f.open()) {
            Band beatles = s.select(Band.class).where(Band_.name.eq("Beatles")).one();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.io.ObjectOutputStream(
                    new java.io.ByteArrayOutputStream()).writeObject(beatles))
                    .isInstanceOf(java.io.NotSerializableException.class)
                    .hasMessageContaining("Band.members is not loaded");
            assertThat(beatles.getMembers()).hasSize(3);
        }
    }

    @DatabaseTest
    void aLazyReferenceSerialisesAsAPlainEntityOnceLoaded(Engine engine) throws Exception {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        try (Session s = f.open()) {
            Musician john = s.select(Musician.class).where(Musician_.name.eq("John")).one();
            Band reference = john.getBand();
            assertThat(Athanor.isLoaded(reference)).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> serialise(john))
                    .isInstanceOf(java.io.NotSerializableException.class)
                    .hasMessageContaining("is a lazy reference that was never loaded");

            reference.getMembers().forEach(m -> m.getTours().size());
            Musician copy = (Musician) deserialise(serialise(john));
            assertThat(copy.getBand()).isExactlyInstanceOf(Band.class);
            assertThat(copy.getBand().getName()).isEqualTo("Beatles");
            assertThat(copy.getBand().getRemarks()).as("a final, unmapped field is copied too").containsExactly("from Liverpool");
            assertThat(copy.getBand().getMembers()).extracting(Musician::getName)
                    .containsExactlyInAnyOrder("John", "Paul", "George");
            assertThat(copy.getBand().getMembers()).as("one graph: the copy's band lists the copy").contains(copy);
        }
    }

    @DatabaseTest
    void anEntityWithItsOwnPrivateWriteReplaceKeepsItAndAnUnloadedReferenceIsStillRefused(Engine engine) throws Exception {
        SessionFactory f = SyncFixture.factory(engine);
        f.runInTransaction(s -> s.add(new io.athanor.orm.model.sync.Venue(1L, "Cavern Club")));
        try (Session s = f.open()) {
            io.athanor.orm.model.sync.Venue cavern = s.getReference(io.athanor.orm.model.sync.Venue.class, 1L);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> serialise(cavern))
                    .isInstanceOf(java.io.NotSerializableException.class).hasMessageContaining("never loaded");
            assertThat(cavern.getName()).isEqualTo("Cavern Club");
            assertThat(deserialise(serialise(cavern)))
                    .isEqualTo(new io.athanor.orm.model.sync.Venue.Data(1L, "Cavern Club"));
        }
    }

    private static byte[] serialise(Object o) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] bytes) throws Exception {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @DatabaseTest
    void removingFromALoadedCollectionClearsTheChildsKey(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        f.runInTransaction(s -> {
            Band beatles = s.select(Band.class).where(Band_.name.eq("Beatles")).one();
            Musician john = beatles.getMembers().stream().filter(m -> m.getName().equals("John")).findFirst().orElseThrow();
            beatles.getMembers().remove(john);
            assertThat(john.getBand()).isNull();
        });
        assertThat(members(f, "Beatles")).isEqualTo("George,Paul");
        try (Session s = f.open()) {
            assertThat(s.select(Musician.class).where(Musician_.band.isNull()).list())
                    .extracting(Musician::getName).containsExactly("John");
        }
    }

    @DatabaseTest
    void oneToOneAndManyToManyChangesMadeOnTheInverseSideAreSaved(Engine engine) {
        SessionFactory f = SyncFixture.factory(engine);
        seed(f);
        f.runInTransaction(s -> {
            Musician john = s.select(Musician.class).where(Musician_.name.eq("John")).one();
            Passport passport = new Passport("GB-1940");
            john.setPassport(passport);
            assertThat(passport.getHolder()).isSameAs(john);
            Tour tour = new Tour("USA 1964");
            john.getTours().add(tour);
            assertThat(tour.getMusicians()).containsExactly(john);
            s.add(passport);
            s.add(tour);
        });
        try (Session s = f.open()) {
            Musician john = s.select(Musician.class).where(Musician_.name.eq("John")).one();
            assertThat(john.getPassport().getNumber()).isEqualTo("GB-1940");
            assertThat(john.getTours()).extracting(Tour::getName).containsExactly("USA 1964");
        }
    }
}
