package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.model.compare.CmpAll;
import io.athanor.orm.model.compare.CmpArrays;
import io.athanor.orm.model.compare.CmpChild;
import io.athanor.orm.model.compare.CmpLoose;
import io.athanor.orm.model.compare.CmpOwner;
import io.athanor.orm.model.compare.CmpPlace;
import io.athanor.orm.model.types.Mood;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The comparison a flush makes of a plain class's held instances with their snapshots, generated per entity, sees
 * every kind of change (each built-in type, primitives, null to value and back, decimals by value, byte arrays and
 * arrays and JSON changed in place, embedded values, to-ones and their key fields, versions) and writes nothing for
 * a value equal to the snapshot's; a class it cannot read (a superclass's private fields, a class of another class
 * loader, so of another module, that cannot see Athanor either) is compared the general way and still flushes correctly.
 */
class GeneratedComparatorTest {

    private static SessionFactory factory(Engine engine, Class<?>... entities) {
        SessionFactory f = SessionFactory.builder(engine).entities(entities).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Whether {@code entity}'s flushes use a generated comparison ({@code expected} when generation is switched on). */
    private static void assertGenerated(Session s, Class<?> entity, boolean expected) {
        DefaultSession d = (DefaultSession) s;
        boolean on = !"false".equalsIgnoreCase(System.getProperty("athanor.flush.generatedComparators"));
        assertThat(d.plan(d.metadata().entity(entity)).generatedComparison())
                .as("a generated comparison for %s", entity.getSimpleName()).isEqualTo(on && expected);
    }

    private static long updates(SqlRecorder sql) {
        return sql.sql().stream().filter(q -> q.startsWith("UPDATE")).count();
    }

    private static CmpAll full(long id) {
        CmpAll a = new CmpAll(id);
        a.flag = true;
        a.tiny = 3;
        a.small = 300;
        a.number = 70_000;
        a.big = 5_000_000_000L;
        a.real = 1.5f;
        a.dbl = 0.25;
        a.letter = 'a';
        a.flagBox = Boolean.TRUE;
        a.numberBox = 12;
        a.bigBox = 13L;
        a.dblBox = 0.5;
        a.text = "text";
        a.money = new BigDecimal("2.500");
        a.bytes = new byte[] {1, 2, 3};
        a.uuid = new UUID(1, 2);
        a.mood = Mood.CALM;
        a.day = LocalDate.of(2024, 2, 29);
        a.stamp = LocalDateTime.of(2024, 3, 1, 12, 30, 5);
        a.instant = Instant.ofEpochSecond(1_700_000_000L);
        a.place = new CmpPlace("Main St", 2);
        a.attrs = new HashMap<>();
        a.attrs.put("color", "red");
        a.ownerId = 1L;
        return a;
    }

    private record Change(String what, Consumer<CmpAll> change, Consumer<CmpAll> check) {
    }

    private static List<Change> changes() {
        List<Change> c = new ArrayList<>();
        c.add(new Change("boolean", a -> a.flag = false, a -> assertThat(a.flag).isFalse()));
        c.add(new Change("byte", a -> a.tiny = -4, a -> assertThat(a.tiny).isEqualTo((byte) -4)));
        c.add(new Change("short", a -> a.small = -301, a -> assertThat(a.small).isEqualTo((short) -301)));
        c.add(new Change("int", a -> a.number = 70_001, a -> assertThat(a.number).isEqualTo(70_001)));
        c.add(new Change("long", a -> a.big = 5_000_000_001L, a -> assertThat(a.big).isEqualTo(5_000_000_001L)));
        c.add(new Change("float", a -> a.real = 2.5f, a -> assertThat(a.real).isEqualTo(2.5f)));
        c.add(new Change("double", a -> a.dbl = 0.75, a -> assertThat(a.dbl).isEqualTo(0.75)));
        c.add(new Change("char", a -> a.letter = 'z', a -> assertThat(a.letter).isEqualTo('z')));
        c.add(new Change("Boolean to null", a -> a.flagBox = null, a -> assertThat(a.flagBox).isNull()));
        c.add(new Change("null to Boolean", a -> a.flagBox = Boolean.FALSE, a -> assertThat(a.flagBox).isFalse()));
        c.add(new Change("Integer", a -> a.numberBox = 1_000, a -> assertThat(a.numberBox).isEqualTo(1_000)));
        c.add(new Change("Long to null", a -> a.bigBox = null, a -> assertThat(a.bigBox).isNull()));
        c.add(new Change("null to Long", a -> a.bigBox = 14L, a -> assertThat(a.bigBox).isEqualTo(14L)));
        c.add(new Change("Double", a -> a.dblBox = -0.5, a -> assertThat(a.dblBox).isEqualTo(-0.5)));
        c.add(new Change("String", a -> a.text = "other", a -> assertThat(a.text).isEqualTo("other")));
        c.add(new Change("String to null", a -> a.text = null, a -> assertThat(a.text).isNull()));
        c.add(new Change("null to String", a -> a.text = "back", a -> assertThat(a.text).isEqualTo("back")));
        c.add(new Change("BigDecimal by value", a -> a.money = new BigDecimal("2.501"),
                a -> assertThat(a.money).isEqualByComparingTo("2.501")));
        c.add(new Change("byte[] in place", a -> a.bytes[0] = 9, a -> assertThat(a.bytes).containsExactly(9, 2, 3)));
        c.add(new Change("byte[] replaced", a -> a.bytes = new byte[] {4}, a -> assertThat(a.bytes).containsExactly(4)));
        c.add(new Change("UUID", a -> a.uuid = new UUID(3, 4), a -> assertThat(a.uuid).isEqualTo(new UUID(3, 4))));
        c.add(new Change("enum", a -> a.mood = Mood.EXTRAORDINARILY_ENTHUSIASTIC,
                a -> assertThat(a.mood).isEqualTo(Mood.EXTRAORDINARILY_ENTHUSIASTIC)));
        c.add(new Change("LocalDate", a -> a.day = LocalDate.of(2024, 3, 1), a -> assertThat(a.day).isEqualTo("2024-03-01")));
        c.add(new Change("LocalDateTime", a -> a.stamp = a.stamp.plusSeconds(1),
                a -> assertThat(a.stamp).isEqualTo(LocalDateTime.of(2024, 3, 1, 12, 30, 6))));
        c.add(new Change("Instant", a -> a.instant = a.instant.plusSeconds(60),
                a -> assertThat(a.instant).isEqualTo(Instant.ofEpochSecond(1_700_000_060L))));
        c.add(new Change("embedded value in place", a -> a.place.street = "High St",
                a -> assertThat(a.place.street).isEqualTo("High St")));
        c.add(new Change("embedded primitive in place", a -> a.place.floor = 3, a -> assertThat(a.place.floor).isEqualTo(3)));
        c.add(new Change("JSON in place", a -> a.attrs.put("size", 4), a -> assertThat(a.attrs).containsEntry("size", 4)));
        c.add(new Change("key field of a cleared to-one", a -> {
            a.owner = null; // while the to-one holds a parent, the parent's key is the column's value
            a.ownerId = 2L;
        }, a -> assertThat(a.ownerId).isEqualTo(2L)));
        c.add(new Change("to-one set", a -> a.keeper = a.owner, a -> assertThat(a.keeper.id).isEqualTo(2L)));
        c.add(new Change("to-one cleared", a -> a.keeper = null, a -> assertThat(a.keeper).isNull()));
        return c;
    }

    @DatabaseTest
    void everyKindOfChangeIsFlushedAndVersioned(Engine engine) {
        SessionFactory f = factory(engine, CmpAll.class, CmpOwner.class);
        try (Session s = f.open()) {
            s.add(new CmpOwner(1, "one"));
            s.add(new CmpOwner(2, "two"));
            s.add(full(1));
            s.commit();
        }
        long version;
        try (Session s = f.open()) {
            version = s.get(CmpAll.class, 1L).version;
        }
        for (Change change : changes()) {
            try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
                CmpAll a = s.get(CmpAll.class, 1L);
                assertGenerated(s, CmpAll.class, true);
                s.flush();
                assertThat(updates(sql)).as("UPDATEs before changing the %s", change.what).isZero();
                change.change.accept(a);
                s.commit();
                assertThat(updates(sql)).as("UPDATEs after changing the %s", change.what).isEqualTo(1);
            }
            try (Session s = f.open()) {
                CmpAll a = s.get(CmpAll.class, 1L);
                change.check.accept(a);
                assertThat(a.version).as("version after changing the %s", change.what).isEqualTo(++version);
            }
        }
    }

    @DatabaseTest
    void aValueEqualToTheSnapshotsIsNotWritten(Engine engine) {
        SessionFactory f = factory(engine, CmpAll.class, CmpOwner.class);
        try (Session s = f.open()) {
            s.add(new CmpOwner(1, "one"));
            s.add(full(1));
            s.commit();
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            CmpAll a = s.get(CmpAll.class, 1L);
            a.flag = true;
            a.number = 70_000;
            a.dbl = 0.25;
            a.numberBox = Integer.valueOf(12_000 / 1_000); // a box of its own, equal
            a.bigBox = Long.valueOf(13L);
            a.text = new String("text");
            a.money = new BigDecimal("2.5"); // another scale, the same value
            a.bytes = a.bytes.clone();
            a.uuid = new UUID(1, 2);
            a.day = LocalDate.of(2024, 2, 29);
            a.place = new CmpPlace("Main St", 2);
            a.attrs = new HashMap<>(a.attrs);
            a.ownerId = Long.valueOf(1L);
            s.commit();
            assertThat(updates(sql)).as("UPDATEs for values equal to the snapshot's").isZero();
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.H2})
    void arraysChangedInPlaceAreFlushed(Engine engine) {
        SessionFactory f = factory(engine, CmpArrays.class);
        try (Session s = f.open()) {
            CmpArrays a = new CmpArrays();
            a.id = 1L;
            a.title = "t";
            a.scores = new int[] {1, 2};
            a.tags = new ArrayList<>(List.of("x"));
            s.add(a);
            s.commit();
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            CmpArrays a = s.get(CmpArrays.class, 1L);
            assertGenerated(s, CmpArrays.class, true);
            a.scores[1] = 9;
            s.commit();
            assertThat(updates(sql)).isEqualTo(1);
            a.tags.add("y");
            s.commit();
            assertThat(updates(sql)).isEqualTo(2);
            a.title = new String("t");
            a.scores = a.scores.clone();
            s.commit();
            assertThat(updates(sql)).as("no UPDATE for equal values").isEqualTo(2);
        }
        try (Session s = f.open()) {
            CmpArrays a = s.get(CmpArrays.class, 1L);
            assertThat(a.scores).containsExactly(1, 9);
            assertThat(a.tags).containsExactly("x", "y");
        }
    }

    @DatabaseTest
    void privateFieldsOfASuperclassAreComparedTheGeneralWay(Engine engine) {
        SessionFactory f = factory(engine, CmpChild.class);
        try (Session s = f.open()) {
            CmpChild c = new CmpChild();
            c.setId(1L);
            c.setLabel("a");
            c.setRank(1);
            s.add(c);
            s.commit();
        }
        try (Session s = f.open()) {
            CmpChild c = s.get(CmpChild.class, 1L);
            assertGenerated(s, CmpChild.class, true);
            c.setLabel("b");
            s.commit();
            c.setRank(2);
            s.commit();
        }
        try (Session s = f.open()) {
            CmpChild c = s.get(CmpChild.class, 1L);
            assertThat(c.getLabel()).isEqualTo("b");
            assertThat(c.getRank()).isEqualTo(2);
        }
    }

    @DatabaseTest
    void aClassOfAnotherLoaderIsComparedTheGeneralWay(Engine engine) throws Exception {
        Class<?> loose = new HidingLoader(CmpLoose.class.getClassLoader()).loadClass(CmpLoose.class.getName());
        assertThat(loose).isNotSameAs(CmpLoose.class);
        Field id = loose.getField("id");
        Field name = loose.getField("name");
        Field count = loose.getField("count");
        SessionFactory f = factory(engine, loose);
        try (Session s = f.open()) {
            Object o = loose.getConstructor().newInstance();
            id.set(o, 1L);
            name.set(o, "a");
            s.add(o);
            s.commit();
        }
        try (Session s = f.open()) {
            Object o = s.get(loose, 1L);
            assertGenerated(s, loose, false);
            name.set(o, "b");
            s.commit();
            count.setInt(o, 5);
            s.commit();
        }
        try (Session s = f.open()) {
            Object o = s.get(loose, 1L);
            assertThat(name.get(o)).isEqualTo("b");
            assertThat(count.getInt(o)).isEqualTo(5);
        }
    }

    /** Defines its own copy of {@link CmpLoose} and refuses Athanor's internal classes. */
    private static final class HidingLoader extends ClassLoader {
        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(className)) {
                if (className.startsWith("io.athanor.orm.internal.")) {
                    throw new ClassNotFoundException(className + " is hidden from this loader");
                }
                if (!className.equals(CmpLoose.class.getName())) {
                    return super.loadClass(className, resolve);
                }
                Class<?> c = findLoadedClass(className);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(className.replace('.', '/') + ".class")) {
                        byte[] b = in.readAllBytes();
                        c = defineClass(className, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(className, e);
                    }
                }
                return c;
            }
        }
    }
}
