package io.athanor.orm.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.records.GeoPoint;
import io.athanor.orm.test.DatabaseTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A single-table hierarchy with a version, a value the database sets, an update time and a record embeddable in
 * a subclass, written in batches of two: inserts read back per batch, mixed updates in one versioned statement,
 * and a rollback that puts instances back as the database holds them.
 */
class SingleTableWritesTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RvItem.class, RvBox.class, RvCrate.class)
                .batchSize(2).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static List<RvItem> all(Session s) {
        List<RvItem> items = new ArrayList<>(s.select(RvItem.class).list());
        items.sort(Comparator.comparing(i -> i.amount));
        return items;
    }

    private static List<RvItem> seed(SessionFactory f) {
        return f.inTransaction(s -> {
            List<RvItem> items = List.of(new RvBox(1, "b1", new GeoPoint(1.0, 2.0)), new RvCrate(2, 20),
                    new RvBox(3, "b3", null), new RvCrate(4, 40), new RvBox(5, "b5", new GeoPoint(5.0, 6.0)));
            items.forEach(s::add);
            return items;
        });
    }

    @DatabaseTest
    void insertsInBatchesReadBackEveryRowsValues(Engine engine) {
        SessionFactory f = factory(engine);
        List<RvItem> items = seed(f);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.id).isNotNull();
            assertThat(i.state).isEqualTo("new");
            assertThat(i.version).isEqualTo(0L);
        });
        assertThat(items.stream().map(i -> i.id).distinct().count()).isEqualTo(5);
        try (Session s = f.open()) {
            List<RvItem> stored = all(s);
            assertThat(stored).extracting(i -> i.getClass().getSimpleName())
                    .containsExactly("RvBox", "RvCrate", "RvBox", "RvCrate", "RvBox");
            assertThat(((RvBox) stored.get(0)).spot).isEqualTo(new GeoPoint(1.0, 2.0));
            assertThat(((RvBox) stored.get(2)).spot).isNull();
        }
    }

    @DatabaseTest
    void mixedChangesAcrossSubclassesAreEachWrittenOnce(Engine engine) {
        SessionFactory f = factory(engine);
        seed(f);
        try (Session s = f.open()) {
            List<RvItem> items = all(s);
            items.get(0).amount = 10;
            ((RvBox) items.get(2)).spot = new GeoPoint(7.0, 8.0);
            ((RvCrate) items.get(1)).weight = 21;
            items.get(3).amount = 40;
            ((RvBox) items.get(4)).label = "b5'";
            s.commit();
            assertThat(items).extracting(i -> i.version).containsExactly(1L, 1L, 1L, 1L, 1L);
            assertThat(items).allSatisfy(i -> assertThat(i.touched).isNotNull());
        }
        try (Session s = f.open()) {
            List<RvItem> stored = all(s);
            assertThat(stored).extracting(i -> i.amount).containsExactly(2, 3, 5, 10, 40);
            assertThat(stored).extracting(i -> i.version).containsExactly(1L, 1L, 1L, 1L, 1L);
            assertThat(((RvBox) stored.get(1)).spot).isEqualTo(new GeoPoint(7.0, 8.0));
            assertThat(((RvCrate) stored.get(0)).weight).isEqualTo(21);
            assertThat(((RvBox) stored.get(2)).label).isEqualTo("b5'");
            assertThat(((RvBox) stored.get(3)).spot).isEqualTo(new GeoPoint(1.0, 2.0));
            assertThat(stored).allSatisfy(i -> assertThat(i.state).isEqualTo("new"));
        }
    }

    @DatabaseTest
    void aRollbackAfterAFlushPutsTheInstancesBack(Engine engine) {
        SessionFactory f = factory(engine);
        seed(f);
        try (Session s = f.open()) {
            List<RvItem> items = all(s);
            RvBox box = (RvBox) items.get(0);
            RvCrate crate = (RvCrate) items.get(1);
            box.spot = new GeoPoint(9.0, 9.0);
            box.amount = 100;
            crate.weight = 99;
            s.flush();
            assertThat(box.version).isEqualTo(1L);
            s.rollback();
            assertThat(box.spot).isEqualTo(new GeoPoint(1.0, 2.0));
            assertThat(box.amount).isEqualTo(1);
            assertThat(box.version).isEqualTo(0L);
            assertThat(crate.weight).isEqualTo(20);
            crate.amount = 22;
            s.commit();
            assertThat(crate.version).isEqualTo(1L);
        }
        try (Session s = f.open()) {
            List<RvItem> stored = all(s);
            assertThat(stored).extracting(i -> i.amount).containsExactly(1, 3, 4, 5, 22);
            assertThat(((RvBox) stored.get(0)).spot).isEqualTo(new GeoPoint(1.0, 2.0));
            assertThat(stored.get(0).version).isEqualTo(0L);
            assertThat(((RvCrate) stored.get(4)).weight).isEqualTo(20);
        }
    }
}
