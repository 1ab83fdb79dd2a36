package io.athanor.orm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.converted.Bin;
import io.athanor.orm.model.converted.Drawer;
import io.athanor.orm.model.converted.Label;
import io.athanor.orm.model.converted.LabelText;
import io.athanor.orm.model.converted.Tally;
import io.athanor.orm.model.converted.TallyType;
import io.athanor.orm.model.converted.Cabinet;
import io.athanor.orm.model.types.Point;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.Date;
import java.util.List;

/**
 * Fields stored through a converter whose values can change in place (a list, a {@code Date}, a class without
 * {@code equals}): a change made inside the value is flushed, as one assigned is; an unchanged value is not
 * rewritten, whatever its {@code equals}, nor one the converter stores as NULL; a read-only session refuses such a
 * change; a rollback leaves the row and the loaded values as they were.
 */
class ConvertedInPlaceTest {
    private static final Date NOON = new Date(1_700_000_000_000L);

    private static SessionFactory factory(Engine engine) {
        return created(SessionFactory.builder(engine).entities(Cabinet.class).build(),
                new Cabinet(1L, new Date(NOON.getTime()), "oak", new Point(1, 2), "a", "b"));
    }

    /** {@code f} on new tables holding {@code row}. */
    private static SessionFactory created(SessionFactory f, Object row) {
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> s.add(row));
        return f;
    }

    /** Loads row 1 of {@code type}: a flush writes nothing, then {@code change} made in place gives one UPDATE at commit. */
    private static <T> void oneUpdateFor(Engine engine, SessionFactory f, Class<T> type, java.util.function.Consumer<T> change) {
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            T row = s.get(type, 1L);
            sql.clear();
            s.flush();
            assertThat(updates(sql)).isEmpty();
            change.accept(row);
            s.commit();
            assertThat(updates(sql)).hasSize(1);
        }
    }

    private static List<String> updates(SqlRecorder sql) {
        return sql.sql().stream().filter(q -> q.startsWith("UPDATE")).toList();
    }

    private static Cabinet stored(SessionFactory f) {
        try (Session s = f.open()) {
            return s.get(Cabinet.class, 1L);
        }
    }

    @DatabaseTest
    void aValueChangedInPlaceIsWrittenAndAgainAfterItsFlush(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Cabinet cabinet = s.get(Cabinet.class, 1L);
            sql.clear();
            cabinet.tags.add("c");
            cabinet.stamp.setTime(NOON.getTime() + 1_000);
            cabinet.label.text = "pine";
            s.flush();
            assertThat(updates(sql)).hasSize(1);
            assertThat(updates(sql).get(0)).contains("tags").contains("stamp").contains("label").doesNotContain("point");
            sql.clear();
            cabinet.tags.add("d"); // the flush kept a copy, not the list it wrote
            s.commit();
            assertThat(updates(sql)).hasSize(1);
            assertThat(updates(sql).get(0)).contains("tags").doesNotContain("stamp").doesNotContain("label");
        }
        Cabinet cabinet = stored(f);
        assertThat(cabinet.tags).containsExactly("a", "b", "c", "d");
        assertThat(cabinet.stamp.getTime()).isEqualTo(NOON.getTime() + 1_000);
        assertThat(cabinet.label.text).isEqualTo("pine");
    }

    @DatabaseTest
    void anUnchangedValueIsNotRewrittenThoughItsClassHasNoEquals(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Cabinet cabinet = s.get(Cabinet.class, 1L);
            sql.clear();
            s.flush();
            cabinet.label = new Label("oak"); // another object, the same stored text
            cabinet.tags.add("x");
            cabinet.tags.remove("x");
            cabinet.point = new Point(1, 2);
            s.commit();
            assertThat(updates(sql)).isEmpty();
        }
    }

    @DatabaseTest
    void aReadOnlySessionRefusesAValueChangedInPlace(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open(SessionOptions.readOnly()); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Cabinet cabinet = s.get(Cabinet.class, 1L);
            sql.clear();
            cabinet.tags.add("c");
            assertThatThrownBy(s::flush).hasMessageContaining("was changed in memory");
            cabinet.tags.remove("c");
            s.commit();
            assertThat(updates(sql)).isEmpty();
        }
        assertThat(stored(f).tags).containsExactly("a", "b");
    }

    @DatabaseTest
    void aRolledBackChangeInPlaceIsUndoneAndTheNextOneWritten(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Cabinet cabinet = s.get(Cabinet.class, 1L);
            sql.clear();
            cabinet.tags.add("c");
            cabinet.stamp.setTime(0);
            s.flush();
            assertThat(updates(sql)).hasSize(1);
            s.rollback();
            Cabinet again = s.get(Cabinet.class, 1L);
            assertThat(again.tags).containsExactly("a", "b");
            assertThat(again.stamp.getTime()).isEqualTo(NOON.getTime());
            again.tags.add("kept");
            s.commit();
        }
        Cabinet cabinet = stored(f);
        assertThat(cabinet.tags).containsExactly("a", "b", "kept");
        assertThat(cabinet.stamp.getTime()).isEqualTo(NOON.getTime());
    }

    /** A value the converter stores as NULL (an empty label) is the same as the NULL it was read from. */
    @DatabaseTest
    void aValueStoredAsNullIsNotTakenForAChange(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> s.get(Cabinet.class, 1L).label = new Label(null));
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Cabinet cabinet = s.get(Cabinet.class, 1L);
            assertThat(cabinet.label).isNull(); // a NULL column is never converted
            cabinet.label = new Label(null);
            sql.clear();
            s.commit();
            assertThat(updates(sql)).isEmpty();
        }
        try (Session s = f.open(SessionOptions.readOnly())) {
            s.get(Cabinet.class, 1L).label = new Label(null);
            s.commit(); // not refused: nothing it would write
        }
    }

    /** A converter registered for a type (rather than named on the field) copies and compares the same way. */
    @DatabaseTest
    void aRegisteredConverterSeesAChangeInPlace(Engine engine) {
        SessionFactory f = created(SessionFactory.builder(engine).entities(Drawer.class)
                .types(t -> t.convert(Label.class, String.class, new LabelText())).build(), new Drawer(1L, "top"));
        oneUpdateFor(engine, f, Drawer.class, d -> d.label.text = "bottom");
        try (Session s = f.open()) {
            assertThat(s.get(Drawer.class, 1L).label.text).isEqualTo("bottom");
        }
    }

    /** A registered value type that declares {@code copy}: a change in place is written, an unchanged value is not. */
    @DatabaseTest
    void aValueTypeThatCopiesSeesAChangeInPlace(Engine engine) {
        SessionFactory f = created(SessionFactory.builder(engine).entities(Bin.class)
                .types(t -> t.register(Tally.class, new TallyType())).build(), new Bin(1L, 1));
        oneUpdateFor(engine, f, Bin.class, bin -> bin.tally.count++);
        try (Session s = f.open()) {
            assertThat(s.get(Bin.class, 1L).tally.count).isEqualTo(2);
        }
    }
}
