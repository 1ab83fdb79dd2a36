package io.athanor.orm.query;

import static io.athanor.orm.query.Sql.lower;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.types.AllTypes;
import io.athanor.orm.model.types.AllTypes_;
import io.athanor.orm.model.types.Mood;
import io.athanor.orm.model.types.Point;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * in(...) lists past the 65,535 parameters PostgreSQL's protocol allows: bound as one array there, so their
 * length is unlimited; on MariaDB and H2 sent as they are. Where no array form exists, the statement is
 * refused before it is sent, naming the limit.
 */
class LargeInListTest {
    private static final int ROWS = 300;
    private static final int LONG_LIST = 70_000;

    private static SessionFactory seeded(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(AllTypes.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        List<AllTypes> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            AllTypes row = new AllTypes();
            row.id = i;
            row.letter = 'n';
            row.text = text(i);
            row.uuid = uuid(i);
            row.mood = Mood.values()[i % 3];
            row.moodOrdinal = Mood.values()[i % 3];
            row.day = LocalDate.of(2000, 1, 1).plusDays(i);
            row.stamp = LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes(i);
            row.offsetStamp = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)).plusMinutes(i);
            row.duration = Duration.ofMillis(i);
            row.point = new Point(i, -i);
            row.bytes = new byte[] {(byte) i, (byte) (i >> 8)};
            rows.add(row);
        }
        try (Session s = f.open()) {
            s.addAll(rows);
            s.commit();
        }
        return f;
    }

    private static String text(int i) {
        return "Text 'number' " + i + (i % 7 == 0 ? " {with, \"braces\\\"}" : "");
    }

    private static UUID uuid(int i) {
        return new UUID(0x1234L, i);
    }

    private static <T> List<T> list(int size, IntFunction<T> value) {
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(value.apply(i));
        }
        return out;
    }

    private static long rows(Session s, Expression<Boolean> where) {
        return s.select(Sql.count()).from(AllTypes.class).where(where).scalar(Long.class);
    }

    @DatabaseTest
    void listsPastTheProtocolLimitRunOnEveryDatabase(Engine engine, DatabaseKind kind) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThat(rows(s, AllTypes_.id.in(list(LONG_LIST, i -> i)))).isEqualTo(ROWS);
            assertThat(rows(s, AllTypes_.id.notIn(list(LONG_LIST, i -> i)))).isZero();
            assertThat(rows(s, AllTypes_.id.in(list(LONG_LIST, i -> i + ROWS / 2)).and(AllTypes_.id.lt(ROWS - 10))))
                    .isEqualTo(ROWS / 2 - 10);
            assertThat(rows(s, AllTypes_.text.in(list(LONG_LIST, LargeInListTest::text)))).isEqualTo(ROWS);
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(sql.statements()).allSatisfy(st -> assertThat(st.parameters()).hasSizeLessThan(4));
                assertThat(sql.sql().get(0)).contains(".id = ANY(?)");
                assertThat(sql.sql().get(1)).contains(".id <> ALL(?)");
            } else {
                assertThat(sql.sql().get(0)).contains(".id IN (?, ?, ");
            }
        }
    }

    @DatabaseTest
    void everyColumnTypeMatchesTheSameRowsAsAShortList(Engine engine) {
        SessionFactory f = seeded(engine);
        int n = 150;
        try (Session s = f.open()) {
            assertThat(rows(s, AllTypes_.uuid.in(list(n, LargeInListTest::uuid)))).isEqualTo(n);
            assertThat(rows(s, AllTypes_.mood.in(list(n, i -> Mood.CALM)))).isEqualTo(ROWS / 3);
            assertThat(rows(s, AllTypes_.moodOrdinal.in(list(n, i -> Mood.values()[i % 2])))).isEqualTo(2 * ROWS / 3);
            assertThat(rows(s, AllTypes_.day.in(list(n, i -> LocalDate.of(2000, 1, 1).plusDays(2L * i))))).isEqualTo(n);
            assertThat(rows(s, AllTypes_.stamp.in(list(n, i -> LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes(i)))))
                    .isEqualTo(n);
            assertThat(rows(s, AllTypes_.offsetStamp.in(list(n, i -> OffsetDateTime.of(1999, 12, 31, 22, 0, 0, 0,
                    ZoneOffset.UTC).plusMinutes(i)))))
                    .isEqualTo(n);
            assertThat(rows(s, AllTypes_.duration.in(list(n, i -> Duration.ofMillis(i + 200))))).isEqualTo(ROWS - 200);
            assertThat(rows(s, AllTypes_.point.in(list(n, i -> new Point(i, -i))))).isEqualTo(n);
            assertThat(rows(s, lower(AllTypes_.text).in(list(n, i -> text(i).toLowerCase(java.util.Locale.ROOT))))).isEqualTo(n);
            List<UUID> withNull = list(n, LargeInListTest::uuid);
            withNull.set(0, null);
            assertThat(rows(s, AllTypes_.uuid.in(withNull))).isEqualTo(n - 1);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aListWithoutAnArrayFormIsRefusedNamingTheLimit(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> rows(s, AllTypes_.bytes.in(list(LONG_LIST, i -> new byte[] {(byte) i}))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("70,001 parameters")
                    .hasMessageContaining("PostgreSQL takes at most 65,535");
            assertThat(sql.statements()).isEmpty();
            assertThat(rows(s, AllTypes_.bytes.in(list(200, i -> new byte[] {(byte) i, (byte) (i >> 8)})))).isEqualTo(200);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void valuesInAnArrayAreCheckedLikeSingleValues(Engine engine) {
        SessionFactory f = seeded(engine);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<String> texts = list(LONG_LIST, LargeInListTest::text);
            texts.set(5, "nul\u0000inside");
            assertThatThrownBy(() -> rows(s, AllTypes_.text.in(texts)))
                    .isInstanceOf(io.athanor.orm.error.InvalidValueException.class)
                    .hasMessageStartingWith("AllTypes.text holds the character NUL");
            assertThat(sql.statements()).isEmpty();
        }
    }
}
