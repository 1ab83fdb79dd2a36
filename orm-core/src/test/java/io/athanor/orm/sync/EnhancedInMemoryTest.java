package io.athanor.orm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.model.sync.Band;
import io.athanor.orm.model.sync.Musician;
import io.athanor.orm.model.sync.Passport;
import io.athanor.orm.model.sync.Tour;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.TestDatabase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enhanced entities keep both sides of each relationship in step at the moment a field is set, with no
 * session involved: the instances here are all made with {@code new}.
 */
class EnhancedInMemoryTest {

    @BeforeAll
    static void mapTheModel() {
        assertThat(EntityEnhancer.isEnhanced(Band.class))
                .as("the build enhances io.athanor.orm.model.sync (mvn process-test-classes); run the tests through Maven")
                .isTrue();
        SyncFixture.factory(TestDatabase.create(DatabaseKind.H2, "sync-in-memory").engine());
    }

    @Test
    void settingTheParentPutsTheChildInItsCollectionAndTakesItOutOfThePreviousOne() {
        Band beatles = new Band("Beatles");
        Band wings = new Band("Wings");
        Musician paul = new Musician("Paul");

        paul.setBand(beatles);
        assertThat(beatles.getMembers()).containsExactly(paul);

        paul.setBand(wings);
        assertThat(beatles.getMembers()).isEmpty();
        assertThat(wings.getMembers()).containsExactly(paul);

        paul.setBand(null);
        assertThat(wings.getMembers()).isEmpty();
    }

    @Test
    void addingToTheCollectionSetsTheParentAndMovesTheChild() {
        Band beatles = new Band("Beatles");
        Band wings = new Band("Wings");
        Musician paul = new Musician("Paul");

        beatles.getMembers().add(paul);
        assertThat(paul.getBand()).isSameAs(beatles);

        wings.getMembers().add(paul);
        assertThat(paul.getBand()).isSameAs(wings);
        assertThat(beatles.getMembers()).as("taken out of the band it left").isEmpty();
    }

    @Test
    void settingBothSidesByHandGivesNoDuplicate() {
        Band beatles = new Band("Beatles");
        Musician john = new Musician("John");
        john.setBand(beatles);
        beatles.getMembers().add(john);
        assertThat(beatles.getMembers()).containsExactly(john);
    }

    @Test
    void everyWayOfTakingOutUnlinks() {
        Band beatles = new Band("Beatles");
        List<Musician> four = List.of(new Musician("John"), new Musician("Paul"), new Musician("George"),
                new Musician("Ringo"));
        beatles.getMembers().addAll(four);
        assertThat(four).allMatch(m -> m.getBand() == beatles);

        beatles.getMembers().remove(four.get(0));
        assertThat(four.get(0).getBand()).isNull();

        Iterator<Musician> it = beatles.getMembers().iterator();
        it.next();
        it.remove();
        assertThat(four.get(1).getBand()).isNull();

        beatles.getMembers().removeIf(m -> m.getName().equals("George"));
        assertThat(four.get(2).getBand()).isNull();

        beatles.getMembers().set(0, four.get(0));
        assertThat(four.get(3).getBand()).as("replaced").isNull();
        assertThat(four.get(0).getBand()).isSameAs(beatles);

        beatles.getMembers().clear();
        assertThat(four).allMatch(m -> m.getBand() == null);
    }

    @Test
    void assigningAWholeCollectionUnlinksTheOldMembersAndLinksTheNew() {
        Band beatles = new Band("Beatles");
        Musician pete = new Musician("Pete");
        Musician ringo = new Musician("Ringo");
        pete.setBand(beatles);

        List<Musician> members = new ArrayList<>();
        members.add(ringo);
        beatles.setMembers(members);

        assertThat(pete.getBand()).isNull();
        assertThat(ringo.getBand()).isSameAs(beatles);
        Musician george = new Musician("George");
        beatles.getMembers().add(george);
        assertThat(george.getBand()).as("the assigned list is watched too").isSameAs(beatles);
        assertThat(members).as("changed in place: the application's own list").containsExactly(ringo, george);
    }

    @Test
    void oneToOneKeepsOnePartnerOnEachSide() {
        Musician ringo = new Musician("Ringo");
        Passport first = new Passport("P1");
        Passport second = new Passport("P2");

        first.setHolder(ringo);
        assertThat(ringo.getPassport()).isSameAs(first);

        second.setHolder(ringo);
        assertThat(ringo.getPassport()).isSameAs(second);
        assertThat(first.getHolder()).as("the replaced passport lets go").isNull();

        Passport third = new Passport("P3");
        ringo.setPassport(third);
        assertThat(third.getHolder()).isSameAs(ringo);
        assertThat(second.getHolder()).isNull();
    }

    @Test
    void manyToManyAddsAndRemovesOnBothSides() {
        Tour usa = new Tour("USA 1964");
        Tour japan = new Tour("Japan 1966");
        Musician john = new Musician("John");

        usa.getMusicians().add(john);
        assertThat(john.getTours()).containsExactly(usa);

        john.getTours().add(japan);
        assertThat(japan.getMusicians()).containsExactly(john);

        usa.getMusicians().remove(john);
        assertThat(john.getTours()).containsExactly(japan);
        john.getTours().remove(japan);
        assertThat(japan.getMusicians()).isEmpty();
    }

    @Test
    void loopsThatChangeTheOtherSideSeeEveryElement() {
        Band beatles = new Band("Beatles");
        Band wings = new Band("Wings");
        List<Musician> four = List.of(new Musician("John"), new Musician("Paul"), new Musician("George"),
                new Musician("Ringo"));
        beatles.getMembers().addAll(four);

        for (Musician m : beatles.getMembers()) {
            wings.getMembers().add(m);
        }
        assertThat(wings.getMembers()).containsExactlyElementsOf(four);
        assertThat(beatles.getMembers()).isEmpty();

        for (Musician m : wings.getMembers()) {
            m.setBand(null);
        }
        assertThat(wings.getMembers()).isEmpty();
        assertThat(four).allMatch(m -> m.getBand() == null);

        Tour usa = new Tour("USA");
        Tour japan = new Tour("Japan");
        Musician john = four.get(0);
        john.getTours().add(usa);
        john.getTours().add(japan);
        for (Tour t : john.getTours()) {
            t.getMusicians().remove(john);
        }
        assertThat(john.getTours()).isEmpty();
        beatles.getMembers().addAll(four);
        beatles.getMembers().forEach(m -> m.setBand(wings));
        assertThat(wings.getMembers()).containsExactlyElementsOf(four);
        assertThat(beatles.getMembers()).isEmpty();
    }

    @Test
    void longListsStayConsistentThroughEveryChange() {
        Band big = new Band("Orchestra");
        Band other = new Band("Quartet");
        List<Musician> players = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Musician m = new Musician("m" + i);
            players.add(m);
            m.setBand(big);
            big.getMembers().add(m);
        }
        assertThat(big.getMembers()).as("no duplicates from setting both sides").hasSize(200);
        for (int i = 0; i < 200; i += 2) {
            players.get(i).setBand(other);
        }
        assertThat(big.getMembers()).hasSize(100).allMatch(m -> m.getBand() == big);
        assertThat(other.getMembers()).hasSize(100).allMatch(m -> m.getBand() == other);
        big.getMembers().removeIf(m -> m.getName().endsWith("1"));
        assertThat(big.getMembers()).allMatch(m -> !m.getName().endsWith("1"));
        assertThat(players).filteredOn(m -> m.getName().endsWith("1")).allMatch(m -> m.getBand() == null);
        big.getMembers().clear();
        assertThat(players).allMatch(m -> m.getBand() != big);
    }

    @Test
    void givingOneParentAnothersCollectionMovesTheElementsIntoItsOwn() {
        Band first = new Band("First");
        Band second = new Band("Second");
        Musician a = new Musician("a");
        Musician b = new Musician("b");
        first.getMembers().add(a);
        first.getMembers().add(b);

        second.setMembers(first.getMembers());
        assertThat(second.getMembers()).containsExactly(a, b).isNotSameAs(first.getMembers());
        assertThat(first.getMembers()).isEmpty();
        Musician c = new Musician("c");
        second.getMembers().add(c);
        assertThat(c.getBand()).isSameAs(second);
        assertThat(a.getBand()).isSameAs(second);
    }

    @Test
    void aSerialisedCopyHoldsPlainCollectionsOfTheSameElements() throws Exception {
        Band beatles = new Band("Beatles");
        beatles.getMembers().add(new Musician("John"));
        beatles.getMembers().add(new Musician("Paul"));
        beatles.getMembers().get(0).getTours().add(new Tour("USA"));

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(beatles);
        }
        Band copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Band) in.readObject();
        }
        assertThat(copy.getMembers()).extracting(Musician::getName).containsExactly("John", "Paul");
        assertThat(copy.getMembers()).isExactlyInstanceOf(ArrayList.class);
        assertThat(copy.getMembers().get(0).getBand()).isSameAs(copy);
        assertThat(copy.getMembers().get(0).getTours()).extracting(Tour::getName).containsExactly("USA");
    }

    @Test
    void enhancingIsIdempotentAndLeavesOtherClassesAlone() throws Exception {
        byte[] enhanced;
        try (var in = Band.class.getResourceAsStream("Band.class")) {
            enhanced = in.readAllBytes();
        }
        assertThat(EntityEnhancer.enhance(enhanced)).as("already enhanced").isSameAs(enhanced);
        byte[] plain;
        try (var in = EnhancedInMemoryTest.class.getResourceAsStream("EnhancedInMemoryTest.class")) {
            plain = in.readAllBytes();
        }
        assertThat(EntityEnhancer.enhance(plain)).as("not an entity").isSameAs(plain);
        byte[] finalField;
        try (var in = WithFinalCollection.class.getResourceAsStream("EnhancedInMemoryTest$WithFinalCollection.class")) {
            finalField = in.readAllBytes();
        }
        assertThat(EntityEnhancer.enhance(finalField))
                .as("a final field can only be set by a constructor: left for the mapping to refuse with its own message")
                .isSameAs(finalField);
    }

    /** Refused by the mapping (final field); the enhancer must not make it unloadable first. */
    @io.athanor.orm.annotations.Entity
    static class WithFinalCollection {
        @io.athanor.orm.annotations.OneToMany(mappedBy = "owner")
        private final List<Musician> items = new ArrayList<>();

        List<Musician> items() {
            return items;
        }
    }
}
