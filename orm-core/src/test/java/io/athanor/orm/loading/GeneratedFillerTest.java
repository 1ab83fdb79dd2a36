package io.athanor.orm.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.model.filled.Dial;
import io.athanor.orm.model.filled.Gauge;
import io.athanor.orm.model.filled.Knob;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Loading makes and fills new instances through a class generated per entity: every kind of field (private, primitive,
 * boxed, decimal, date, enum, converted, byte array, a superclass's package-private field) is loaded as it was
 * written, NULLs included, and the instance runs its own constructor; a NULL read for a primitive field leaves the
 * value its constructor gave; a value of another type than its field's is refused naming the field, as the general
 * way refuses it, and one the general way widens (an {@code Integer} for a {@code long}) is taken; an entity the
 * generated class cannot write (a superclass's private field) loads the general way with the same result.
 */
class GeneratedFillerTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Gauge.class, Dial.class, Knob.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Whether {@code entity}'s instances load through a generated class ({@code expected} when generation is on). */
    private static void assertGenerated(Session s, Class<?> entity, boolean expected) {
        boolean on = !"false".equalsIgnoreCase(System.getProperty("athanor.load.generatedFillers"));
        DefaultSession d = (DefaultSession) s;
        assertThat(d.metadata().entity(entity).filler() != null)
                .as("a generated filler for %s", entity.getSimpleName()).isEqualTo(on && expected);
    }

    @DatabaseTest
    void everyKindOfFieldLoadsAsWrittenAndAnUnchangedInstanceIsNotWritten(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            s.add(new Gauge(1L, "full", 7, 5_000_000_000L, true, 0.25, new BigDecimal("12.50"), LocalDate.of(2026, 3, 4),
                    Gauge.Tint.GREEN, new Gauge.Code("abc"), new byte[] {1, 2, 3}, "ann"));
            s.add(new Gauge(2L, "empty", 0, 0L, false, 0.0, null, null, null, null, null, null));
            return null;
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertGenerated(s, Gauge.class, true);
            Gauge full = s.get(Gauge.class, 1L);
            assertThat(full.getName()).isEqualTo("full");
            assertThat(full.getCount()).isEqualTo(7);
            assertThat(full.getTotal()).isEqualTo(5_000_000_000L);
            assertThat(full.isActive()).isTrue();
            assertThat(full.getRatio()).isEqualTo(0.25);
            assertThat(full.getPrice()).isEqualByComparingTo("12.50");
            assertThat(full.getDay()).isEqualTo(LocalDate.of(2026, 3, 4));
            assertThat(full.getTint()).isEqualTo(Gauge.Tint.GREEN);
            assertThat(full.getCode()).as("read back through the converter").isEqualTo(new Gauge.Code("abc"));
            assertThat(full.getData()).containsExactly(1, 2, 3);
            assertThat(full.getStampedBy()).as("the superclass's field").isEqualTo("ann");
            assertThat(full.getCached()).as("set by the field's initializer: the constructor ran").isEqualTo("kept");
            Gauge empty = s.get(Gauge.class, 2L);
            assertThat(empty.getPrice()).isNull();
            assertThat(empty.getDay()).isNull();
            assertThat(empty.getTint()).isNull();
            assertThat(empty.getCode()).isNull();
            assertThat(empty.getData()).isNull();
            assertThat(empty.getStampedBy()).isNull();
            assertThat(empty.getCount()).as("the row's 0, not the constructor's -1").isZero();
            assertThat(empty.isActive()).isFalse();
            s.commit();
            assertThat(sql.sql()).as("instances loaded unchanged are not written").noneMatch(q -> q.startsWith("UPDATE"));
            full.setName("renamed");
            s.commit();
        }
        try (Session s = f.open()) {
            Gauge full = s.get(Gauge.class, 1L);
            assertThat(full.getName()).isEqualTo("renamed");
            assertThat(full.getPrice()).isEqualByComparingTo("12.50");
            assertThat(full.getData()).containsExactly(1, 2, 3);
        }
    }

    /**
     * Gauge 3, whose primitive field's column holds a NULL: the table is changed to take one where the mapping says
     * it does not, as a legacy schema might.
     */
    private static void gaugeWithANullCount(SessionFactory f) {
        boolean mariadb = f.dialect().name().equals("mariadb");
        f.inTransaction(s -> {
            s.execute(Text.text(mariadb ? "alter table fil_gauges modify count int null"
                    : "alter table fil_gauges alter column count drop not null"), Map.of());
            return null;
        });
        f.inTransaction(s -> {
            s.execute(Text.text("insert into fil_gauges (id, name, count, total, active, ratio) "
                    + "values (3, 'no count', null, 1, false, 0.5)"), Map.of());
            return null;
        });
    }

    @DatabaseTest
    void aNullReadForAPrimitiveFieldLeavesTheValueItsConstructorGave(Engine engine) {
        SessionFactory f = factory(engine);
        gaugeWithANullCount(f);
        try (Session s = f.open()) {
            assertGenerated(s, Gauge.class, true);
            Gauge g = s.get(Gauge.class, 3L);
            assertThat(g.getCount()).as("the constructor's value, left by the NULL").isEqualTo(-1);
            assertThat(g.getTotal()).isEqualTo(1L);
            assertThat(g.getName()).isEqualTo("no count");
        }
    }

    /**
     * A field that does not hold its row's value once loaded (a NULL its primitive did not take, a value widened to
     * the field's type) is not a change: a flush writes nothing back over the row, and a read-only session commits.
     */
    @DatabaseTest
    void aFieldThatKeptItsOwnValueOrWidenedOneIsNotTakenForAChange(Engine engine) {
        SessionFactory f = factory(engine);
        gaugeWithANullCount(f);
        f.runInTransaction(s -> s.add(new Knob(2L, 7)));
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Gauge g = s.get(Gauge.class, 3L);
            Knob k = s.get(Knob.class, 2L);
            assertThat(g.getCount()).as("the constructor's value, left by the NULL").isEqualTo(-1);
            assertThat(k.getClicks()).as("an Integer widened").isEqualTo(7L);
            int read = sql.count();
            s.flush();
            assertThat(sql.count()).as("nothing written back").isEqualTo(read);
            s.commit();
        }
        try (Session s = f.open(SessionOptions.readOnly())) {
            assertThat(s.get(Gauge.class, 3L).getCount()).isEqualTo(-1);
            assertThat(s.get(Knob.class, 2L).getClicks()).isEqualTo(7L);
            s.commit(); // nothing refused: nothing was changed in memory
        }
        try (Session s = f.open()) {
            assertThat(s.execute(Text.text("select count(*) from fil_gauges where id = 3 and count is null"), Map.of())
                    .scalar(Long.class)).as("the row's NULL is still there").isEqualTo(1L);
        }
    }

    @DatabaseTest
    void aValueOfAnotherTypeThanItsFieldIsRefusedNamingTheField(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            s.execute(Text.text("insert into fil_knobs (id, turns, clicks) values (1, 'many', 4)"), Map.of());
            return null;
        });
        try (Session s = f.open()) {
            assertGenerated(s, Knob.class, true);
            assertThatThrownBy(() -> s.get(Knob.class, 1L)).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("Knob.turns");
        }
    }

    @DatabaseTest
    void aValueTheGeneralWayWidensIsTakenForEveryRow(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            s.add(new Knob(2L, 7));
            s.add(new Knob(3L, 8));
            return null;
        });
        try (Session s = f.open()) {
            assertGenerated(s, Knob.class, true);
            assertThat(s.select(Knob.class).list()).extracting(Knob::getClicks).containsExactlyInAnyOrder(7L, 8L);
        }
    }

    @DatabaseTest
    void anEntityWithASuperclassPrivateFieldLoadsTheGeneralWay(Engine engine) {
        SessionFactory f = factory(engine);
        f.inTransaction(s -> {
            s.add(new Dial(1L, "volume", "bob"));
            return null;
        });
        try (Session s = f.open()) {
            assertGenerated(s, Dial.class, false);
            Dial d = s.get(Dial.class, 1L);
            assertThat(d.getLabel()).isEqualTo("volume");
            assertThat(d.getSealedBy()).isEqualTo("bob");
        }
    }
}
