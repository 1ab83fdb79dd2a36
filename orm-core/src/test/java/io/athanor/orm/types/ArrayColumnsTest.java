package io.athanor.orm.types;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.types.Mood;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import io.athanor.orm.test.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * List and array fields stored in array columns (PostgreSQL, H2): every element type round-trips, NULL and
 * empty stay apart, an element changed in place is flushed and an unchanged array is not rewritten, and the
 * bulk paths write arrays. MariaDB has no array columns: mapping one fails at start-up, naming the field.
 */
class ArrayColumnsTest {
    private static final UUID U1 = new UUID(1, 2);
    private static final UUID U2 = new UUID(3, 4);

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Shelf.class, Tagged.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static Tagged full(long id) {
        Tagged t = new Tagged(id, "full " + id);
        t.tags = new ArrayList<>(List.of("sql", "o\"rm", "back\\slash", "{braces, commas}", ""));
        t.labels = new String[] {"a", null, "c"};
        t.scores = new int[] {1, 2, 3};
        t.counters = new long[] {Long.MAX_VALUE, -1};
        t.boxedInts = new Integer[] {7, null};
        t.boxedLongs = new Long[] {8L};
        t.ints = new ArrayList<>(List.of(4, 5));
        t.longs = new ArrayList<>(List.of(6L));
        t.uuids = new ArrayList<>(List.of(U1, U2));
        t.uuidArray = new UUID[] {U2};
        t.moods = new ArrayList<>(List.of(Mood.CALM, Mood.EXTRAORDINARILY_ENTHUSIASTIC));
        return t;
    }

    private static void assertFull(Tagged t, long id) {
        assertThat(t.title).isEqualTo("full " + id);
        assertThat(t.tags).containsExactly("sql", "o\"rm", "back\\slash", "{braces, commas}", "");
        assertThat(t.labels).containsExactly("a", null, "c");
        assertThat(t.scores).containsExactly(1, 2, 3);
        assertThat(t.counters).containsExactly(Long.MAX_VALUE, -1);
        assertThat(t.boxedInts).containsExactly(7, null);
        assertThat(t.boxedLongs).containsExactly(8L);
        assertThat(t.ints).containsExactly(4, 5);
        assertThat(t.longs).containsExactly(6L);
        assertThat(t.uuids).containsExactly(U1, U2);
        assertThat(t.uuidArray).containsExactly(U2);
        assertThat(t.moods).containsExactly(Mood.CALM, Mood.EXTRAORDINARILY_ENTHUSIASTIC);
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void everyShapeRoundTripsAndNullStaysApartFromEmpty(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.add(full(1));
            Tagged empty = new Tagged(2, "empty");
            empty.tags = new ArrayList<>();
            empty.labels = new String[0];
            empty.scores = new int[0];
            empty.counters = new long[0];
            empty.uuids = List.of();
            s.add(empty);
            s.add(new Tagged(3, "nulls"));
            s.commit();
        }
        try (Session s = f.open()) {
            assertFull(s.get(Tagged.class, 1L), 1);
            Tagged empty = s.get(Tagged.class, 2L);
            assertThat(empty.tags).isEmpty();
            assertThat(empty.labels).isEmpty();
            assertThat(empty.scores).isEmpty();
            assertThat(empty.counters).isEmpty();
            assertThat(empty.uuids).isEmpty();
            assertThat(empty.moods).isNull();
            Tagged nulls = s.get(Tagged.class, 3L);
            assertThat(nulls.tags).isNull();
            assertThat(nulls.labels).isNull();
            assertThat(nulls.scores).isNull();
            assertThat(nulls.uuids).isNull();
            assertThat(s.select(Tagged.class).where(Tagged_.tags.isNull()).list()).extracting(t -> t.id).containsExactly(3L);
            assertThat(s.select(Tagged.class).where(Tagged_.tags.isNotNull()).orderBy(Tagged_.id).list())
                    .extracting(t -> t.id).containsExactly(1L, 2L);
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void anElementChangedInPlaceIsFlushedAndAnUnchangedArrayIsNotRewritten(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.add(full(1));
            s.commit();
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Tagged t = s.get(Tagged.class, 1L);
            sql.clear();
            s.flush();
            assertThat(sql.sql()).noneMatch(q -> q.startsWith("UPDATE"));
            // tag::array-dirty[]
            t.tags.set(0, "changed");                  // elements changed in place...
            t.scores[1] = 20;
            t.uuidArray[0] = U1;
            t.moods.add(Mood.CURIOUS);
            s.commit();                                // ...are flushed: one UPDATE of these four columns
            // end::array-dirty[]
            assertThat(sql.sql()).filteredOn(q -> q.startsWith("UPDATE")).hasSize(1);
            assertThat(sql.sql().stream().filter(q -> q.startsWith("UPDATE")).findFirst().orElseThrow())
                    .contains("tags").contains("scores").contains("uuid_array").contains("moods").doesNotContain("labels");
            sql.clear();
            t.tags.set(1, "again");
            s.commit();
            assertThat(sql.sql()).filteredOn(q -> q.startsWith("UPDATE")).hasSize(1);
        }
        try (Session s = f.open()) {
            Tagged t = s.get(Tagged.class, 1L);
            assertThat(t.tags).containsExactly("changed", "again", "back\\slash", "{braces, commas}", "");
            assertThat(t.scores).containsExactly(1, 20, 3);
            assertThat(t.uuidArray).containsExactly(U1);
            assertThat(t.moods).containsExactly(Mood.CALM, Mood.EXTRAORDINARILY_ENTHUSIASTIC, Mood.CURIOUS);
            t.tags = null;
            t.scores = new int[0];
            s.commit();
        }
        try (Session s = f.open()) {
            Tagged t = s.get(Tagged.class, 1L);
            assertThat(t.tags).isNull();
            assertThat(t.scores).isEmpty();
            s.delete(t);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Tagged.class, 1L)).isNull();
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void aReadOnlySessionNoticesAnElementChangedInPlace(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.add(full(1));
            s.commit();
        }
        try (Session s = f.open(SessionOptions.readOnly())) {
            Tagged t = s.get(Tagged.class, 1L);
            s.flush();
            t.scores[0] = 99;
            assertThatThrownBy(s::flush).isInstanceOf(AthanorException.class).hasMessageContaining("read-only");
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void aRolledBackChangeRestoresTheLoadedElements(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.add(full(1));
            s.commit();
        }
        try (Session s = f.open()) {
            Tagged t = s.get(Tagged.class, 1L);
            t.tags.set(0, "flushed then rolled back");
            s.flush();
            s.rollback();
            Tagged again = s.get(Tagged.class, 1L);
            assertThat(again.tags).first().isEqualTo("sql");
            again.tags.set(0, "kept");
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Tagged.class, 1L).tags).first().isEqualTo("kept");
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void arraysLoadThroughQueriesJoinedAndSelectInLoads(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            Shelf shelf = new Shelf(10, "shelf");
            s.add(shelf);
            for (long id = 1; id <= 3; id++) {
                Tagged t = full(id);
                t.shelf = shelf;
                s.add(t);
            }
            s.commit();
        }
        try (Session s = f.open()) {
            List<Tagged> all = s.select(Tagged.class).orderBy(Tagged_.id).list();
            assertThat(all).hasSize(3);
            assertFull(all.get(2), 3);
            Object tags = s.select(Tagged_.tags).from(Tagged.class).where(Tagged_.id.eq(2L)).scalar(List.class);
            assertThat(tags).isEqualTo(full(2).tags);
        }
        try (Session s = f.open()) {
            Shelf shelf = s.select(Shelf.class).options(joinedLoad(Shelf_.items)).one();
            assertThat(shelf.getItems()).hasSize(3).allSatisfy(t -> assertFull(t, t.id));
        }
        try (Session s = f.open()) {
            Shelf shelf = s.select(Shelf.class).options(selectinLoad(Shelf_.items)).one();
            assertThat(shelf.getItems()).hasSize(3).allSatisfy(t -> assertFull(t, t.id));
            shelf.getItems().get(0).ints.set(0, 40);
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Tagged.class, shelf(s)).ints).containsExactly(40, 5);
        }
    }

    private static long shelf(Session s) {
        return s.select(Tagged.class).options(joinedLoad(Tagged_.shelf)).orderBy(Tagged_.id).first().id;
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void bulkBatchWritesArrays(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.bulkInsertMappings(Tagged.class, rows(), BulkMode.BATCH);
            s.commit();
        }
        assertBulkRows(f);
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void bulkCopyWritesArraysAsBatchDoes(Engine engine, TestDatabase db) throws Exception {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.bulkInsertMappings(Tagged.class, rows(), BulkMode.COPY);
            s.commit();
        }
        assertBulkRows(f);
        try (Connection c = db.openJdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tags::text, labels::text, scores::text FROM array_tagged WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("{sql,\"o\\\"rm\",\"back\\\\slash\",\"{braces, commas}\",\"\"}");
            assertThat(rs.getString(2)).isEqualTo("{a,NULL,c}");
            assertThat(rs.getString(3)).isEqualTo("{1,2,3}");
        }
    }

    private static List<Map<String, Object>> rows() {
        Tagged t = full(1);
        Map<String, Object> full = new HashMap<>();
        full.put("id", 1L);
        full.put("title", t.title);
        full.put("tags", t.tags);
        full.put("labels", t.labels);
        full.put("scores", t.scores);
        full.put("counters", t.counters);
        full.put("boxedInts", t.boxedInts);
        full.put("boxedLongs", t.boxedLongs);
        full.put("ints", t.ints);
        full.put("longs", t.longs);
        full.put("uuids", t.uuids);
        full.put("uuidArray", t.uuidArray);
        full.put("moods", t.moods);
        Map<String, Object> empty = new HashMap<>();
        empty.put("id", 2L);
        empty.put("title", "empty");
        empty.put("tags", List.of());
        empty.put("scores", new int[0]);
        return List.of(full, empty);
    }

    private static void assertBulkRows(SessionFactory f) {
        try (Session s = f.open()) {
            Tagged full = s.get(Tagged.class, 1L);
            full.title = "full 1";
            assertFull(full, 1);
            Tagged empty = s.get(Tagged.class, 2L);
            assertThat(empty.tags).isEmpty();
            assertThat(empty.scores).isEmpty();
            assertThat(empty.labels).isNull();
        }
    }

    @DatabaseTest(DatabaseKind.MARIADB)
    void mariaDbRefusesArrayFieldsAtStartUpNamingTheFieldAndTheWayOut(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine).entities(Shelf.class, Tagged.class).build())
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Field io.athanor.orm.types.Tagged.tags is an array field, and MariaDB has no array columns")
                .hasMessageContaining("Mark it @Json")
                .hasMessageContaining("Tagged.scores");
    }
}
