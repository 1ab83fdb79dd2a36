package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.model.loading.Shelf;
import io.athanor.orm.model.loading.Volume;
import io.athanor.orm.model.types.Address;
import io.athanor.orm.model.types.AllTypes;
import io.athanor.orm.model.types.Mood;
import io.athanor.orm.model.types.Point;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * BulkMode.BATCH and BulkMode.COPY take the same values and store the same results, and they refuse the same
 * values with the same exception types: dates of any year PostgreSQL stores, infinity, converters, and the
 * database's own errors with their SQLState.
 */
class BulkPathsParityTest {

    private static AllTypes row(int id) {
        AllTypes t = new AllTypes();
        t.id = id;
        t.letter = 'n';
        return t;
    }

    /** Values the two paths used to write differently: years before 1 and after 9999, rounding, infinity. */
    private static List<AllTypes> rows() {
        AllTypes ordinary = row(1);
        ordinary.flag = true;
        ordinary.tiny = Byte.MIN_VALUE;
        ordinary.small = Short.MAX_VALUE;
        ordinary.number = Integer.MIN_VALUE;
        ordinary.big = Long.MAX_VALUE;
        ordinary.real = -1.5f;
        ordinary.dbl = Math.PI;
        ordinary.dblBox = Double.NaN;
        ordinary.realBox = Float.NEGATIVE_INFINITY;
        ordinary.letter = 'é';
        ordinary.text = "\"quoted\", 'single', back\\slash, comma,\nnew line\r\n\\.\n, tab\t, ☃ 🚀";
        ordinary.money = new BigDecimal("-123456789012345678.90");
        ordinary.huge = new BigInteger("-99999999999999999999999999999999999999");
        ordinary.bytes = new byte[] {0, -1, 127, -128, 10, 44, 34};
        ordinary.uuid = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
        ordinary.mood = Mood.EXTRAORDINARILY_ENTHUSIASTIC;
        ordinary.moodOrdinal = Mood.CURIOUS;
        ordinary.day = LocalDate.of(2024, 2, 29);
        ordinary.time = LocalTime.of(23, 59, 59, 999_999_000);
        ordinary.stamp = LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_789);
        ordinary.offsetStamp = OffsetDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000, ZoneOffset.ofHoursMinutes(5, 30));
        ordinary.instant = Instant.parse("2038-01-19T03:14:08.000001Z");
        ordinary.duration = Duration.ofDays(365).plusNanos(1);
        ordinary.address = new Address("1 \"Infinite\" Loop", "Cupertino, CA");
        ordinary.point = new Point(-3, 42);

        AllTypes ancient = row(2);
        ancient.text = "";
        ancient.day = LocalDate.of(0, 3, 1);
        ancient.stamp = LocalDateTime.of(-100, 12, 31, 23, 59, 59, 999_999_500);
        ancient.offsetStamp = OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        ancient.instant = Instant.parse("-0001-06-15T12:00:00Z");
        ancient.time = LocalTime.MAX;

        AllTypes future = row(3);
        future.day = LocalDate.of(5_874_897, 12, 31);
        future.stamp = LocalDateTime.of(10_000, 1, 1, 0, 0);
        future.offsetStamp = OffsetDateTime.of(294_276, 12, 31, 22, 0, 0, 0, ZoneOffset.ofHours(-1));
        future.instant = Instant.parse("+12000-01-01T00:00:00Z");

        AllTypes infinite = row(4);
        infinite.day = LocalDate.MIN;
        infinite.stamp = LocalDateTime.MAX;
        infinite.offsetStamp = OffsetDateTime.MIN;

        return List.of(ordinary, ancient, future, infinite, row(5));
    }

    private static Map<String, Object> mapping(EntityModel model, AllTypes t, int id) {
        Map<String, Object> m = new HashMap<>();
        for (PropertyModel p : model.properties()) {
            m.put(p.path(), p.accessor().get(t));
        }
        m.put("id", id);
        return m;
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void bothPathsStoreTheSameValuesTheSameWay(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(AllTypes.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        EntityModel model = ((DefaultSessionFactory) f).metadata().entity(AllTypes.class);
        List<AllTypes> rows = rows();
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Map<String, Object>> copy = new ArrayList<>();
        for (AllTypes t : rows) {
            batch.add(mapping(model, t, t.id));
            copy.add(mapping(model, t, 100 + t.id));
        }
        try (Session s = f.open()) {
            assertThat(s.bulkInsertMappings(AllTypes.class, batch, BulkMode.BATCH)).isEqualTo(rows.size());
            assertThat(s.bulkInsertMappings(AllTypes.class, copy, BulkMode.COPY)).isEqualTo(rows.size());
            s.commit();
        }
        try (Session s = f.open()) {
            for (AllTypes original : rows) {
                AllTypes viaBatch = s.get(AllTypes.class, original.id);
                AllTypes viaCopy = s.get(AllTypes.class, 100 + original.id);
                for (PropertyModel p : model.properties()) {
                    if (p.id()) {
                        continue;
                    }
                    Object b = p.accessor().get(viaBatch);
                    Object c = p.accessor().get(viaCopy);
                    if (b instanceof byte[]) {
                        assertThat((byte[]) c).as("%s of row %d", p.path(), original.id).isEqualTo((byte[]) b);
                    } else {
                        assertThat(c).as("%s of row %d", p.path(), original.id).isEqualTo(b);
                    }
                }
            }
            AllTypes ordinary = s.get(AllTypes.class, 101);
            assertThat(ordinary.text).isEqualTo(rows.get(0).text);
            assertThat(ordinary.stamp).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_457_000));
            AllTypes ancient = s.get(AllTypes.class, 102);
            assertThat(ancient.text).isEmpty();
            assertThat(ancient.day).isEqualTo(LocalDate.of(0, 3, 1));
            assertThat(ancient.stamp).isEqualTo(LocalDateTime.of(-99, 1, 1, 0, 0));
            AllTypes future = s.get(AllTypes.class, 103);
            assertThat(future.stamp).isEqualTo(LocalDateTime.of(10_000, 1, 1, 0, 0));
            assertThat(future.instant).isEqualTo(Instant.parse("+12000-01-01T00:00:00Z"));
            AllTypes infinite = s.get(AllTypes.class, 104);
            assertThat(infinite.day).isEqualTo(LocalDate.MIN);
            assertThat(infinite.stamp).isEqualTo(LocalDateTime.MAX);
            AllTypes nulls = s.get(AllTypes.class, 105);
            assertThat(nulls.text).isNull();
            assertThat(nulls.point).isNull();
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void bothPathsRefuseTheSameValuesWithTheSameExceptions(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Shelf.class, Volume.class, AllTypes.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        Map<String, List<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        cases.put("duplicate key", List.of(Map.of("id", 1L, "label", "a"), Map.of("id", 1L, "label", "b")));
        Map<String, Object> noLabel = new HashMap<>();
        noLabel.put("id", 2L);
        noLabel.put("label", null);
        cases.put("null label", List.of(noLabel));
        cases.put("label too long", List.of(Map.of("id", 3L, "label", "x".repeat(51))));
        cases.put("NUL in text", List.of(Map.of("id", 4L, "label", "a\u0000b")));
        cases.put("unpaired surrogate", List.of(Map.of("id", 5L, "label", "a\uD800b")));
        for (Map.Entry<String, List<Map<String, Object>>> c : cases.entrySet()) {
            Throwable batch = attempt(f, Shelf.class, c.getValue(), BulkMode.BATCH);
            Throwable copy = attempt(f, Shelf.class, c.getValue(), BulkMode.COPY);
            assertThat(batch).as(c.getKey()).isNotNull();
            assertThat(copy).as(c.getKey()).isNotNull().hasSameClassAs(batch);
            if (batch instanceof DatabaseException) {
                assertThat(((DatabaseException) copy).sqlState()).as(c.getKey()).isNotNull()
                        .isEqualTo(((DatabaseException) batch).sqlState());
            } else {
                assertThat(batch).as(c.getKey()).isInstanceOf(InvalidValueException.class);
                assertThat(copy.getMessage()).isEqualTo(batch.getMessage()).startsWith("Shelf.label ");
            }
        }
        Map<String, Object> overflow = new HashMap<>();
        overflow.put("id", 9);
        overflow.put("letter", 'n');
        overflow.put("money", new BigDecimal("1E+30"));
        Throwable batch = attempt(f, AllTypes.class, List.of(overflow), BulkMode.BATCH);
        Throwable copy = attempt(f, AllTypes.class, List.of(overflow), BulkMode.COPY);
        assertThat(copy).hasSameClassAs(batch).isInstanceOf(DatabaseException.class);
        assertThat(((DatabaseException) copy).sqlState()).isEqualTo(((DatabaseException) batch).sqlState()).isEqualTo("22003");
        try (Session s = f.open()) {
            assertThat(s.select(io.athanor.orm.query.Sql.count()).from(Shelf.class).scalar(Long.class)).isZero();
        }
    }

    private static Throwable attempt(SessionFactory f, Class<?> entity, List<Map<String, Object>> rows, BulkMode mode) {
        try (Session s = f.open()) {
            Throwable t = catchThrowable(() -> s.bulkInsertMappings(entity, rows, mode));
            s.rollback();
            return t;
        }
    }
}
