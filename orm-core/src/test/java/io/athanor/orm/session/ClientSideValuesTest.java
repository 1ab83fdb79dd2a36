package io.athanor.orm.session;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.error.InvalidValueException;
import io.athanor.orm.model.values.Note;
import io.athanor.orm.model.values.Moment;
import io.athanor.orm.model.values.Moment_;
import io.athanor.orm.query.Sql;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Mistakes found on the client fail before any SQL, naming the field or parameter and the fix: a missing key,
 * dates and timestamps outside the database's range (never turned into infinity, or moved into another year,
 * without a word). A ZonedDateTime binds as the instant it is.
 */
class ClientSideValuesTest {
    private static final LocalDateTime LONG_AGO = LocalDateTime.of(-5000, 1, 1, 0, 0);

    private static SessionFactory fresh(Engine engine, Class<?>... entities) {
        SessionFactory f = SessionFactory.builder(engine).entities(entities).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static String range(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? "(4713-01-01 BC to 294276-12-31)" : "(0001-01-01 to 9999-12-31)";
    }

    @DatabaseTest
    void getWithANullKeyIsRefusedBeforeSql(Engine engine) {
        SessionFactory f = fresh(engine, Note.class);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> s.get(Note.class, null))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("get(Note.class, null): a key is required");
            assertThat(sql.statements()).isEmpty();
        }
    }

    @DatabaseTest
    void aZonedDateTimeBindsAsTheInstantItIs(Engine engine) {
        SessionFactory f = fresh(engine, Moment.class);
        ZonedDateTime paris = ZonedDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
        try (Session s = f.open()) {
            Moment m = new Moment(1);
            m.stamp = OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC);
            s.add(m);
            s.flush();
            long viaText = s.execute(text("select count(*) from moments where stamp = :at"), Params.of("at", paris))
                    .scalar(Long.class);
            long viaFragment = s.select(count()).from(Moment.class)
                    .where(Sql.text("stamp = :at", Params.of("at", paris), Boolean.class)).scalar(Long.class);
            long notEarlier = s.select(count()).from(Moment.class)
                    .where(Sql.text("stamp < :at", Params.of("at", paris.plusSeconds(1)), Boolean.class)).scalar(Long.class);
            assertThat(List.of(viaText, viaFragment, notEarlier)).containsOnly(1L);
            s.rollback();
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void aTimestampOutsideTheRangeIsRefusedOnEveryPathNamingTheField(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine, Moment.class);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Moment m = new Moment(1);
            m.at = LONG_AGO;
            s.add(m);
            assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("Moment.at is a LocalDateTime outside the range of")
                    .hasMessageContaining(range(kind));
            s.rollback();
            assertThatThrownBy(() -> s.select(Moment.class).where(Moment_.at.lt(LONG_AGO)).list())
                    .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Moment.at is a LocalDateTime");
            for (BulkMode mode : kind == DatabaseKind.POSTGRESQL ? List.of(BulkMode.BATCH, BulkMode.COPY) : List.of(BulkMode.BATCH)) {
                assertThatThrownBy(() -> s.bulkInsertMappings(Moment.class, List.of(Map.of("id", 2L, "at", LONG_AGO)), mode))
                        .as(mode.name()).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Moment.at is a");
            }
            assertThatThrownBy(() -> s.execute(text("insert into moments (id, at) values (3, :at)"), Params.of("at", LONG_AGO)))
                    .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Parameter :at is a LocalDateTime");
            assertThat(sql.statements()).as("nothing was sent").isEmpty();

            Moment later = new Moment(4);
            later.at = LocalDateTime.of(2024, 1, 1, 0, 0);
            s.add(later);
            s.commit();
            later.at = LONG_AGO;
            assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("Moment.at is a");
            s.rollback();
            assertThat(s.select(count()).from(Moment.class).where(Moment_.at.lt(LocalDateTime.of(1970, 1, 1, 0, 0)))
                    .scalar(Long.class)).isZero();
        }
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void datesInstantsAndOffsetsOutsideTheRangeAreRefused(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine, Moment.class);
        Moment early = new Moment(1);
        early.day = LocalDate.of(-5000, 1, 1);
        Moment late = new Moment(2);
        late.instant = Instant.parse("+300000-01-01T00:00:00Z");
        Moment offset = new Moment(3);
        offset.stamp = OffsetDateTime.of(kind == DatabaseKind.POSTGRESQL ? -4712 : 1, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1));
        for (Moment m : List.of(early, late, offset)) {
            try (Session s = f.open()) {
                s.add(m);
                assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class).hasMessageContaining("outside the range of");
            }
        }
        try (Session s = f.open()) {
            assertThat(s.select(count()).from(Moment.class).scalar(Long.class)).isZero();
        }
    }

    @DatabaseTest
    void theEdgesOfTheRangeAndInfinityRoundTripExactly(Engine engine, DatabaseKind kind) {
        SessionFactory f = fresh(engine, Moment.class);
        Moment first = new Moment(1);
        Moment last = new Moment(2);
        if (kind == DatabaseKind.POSTGRESQL) {
            first.at = LocalDateTime.of(-4712, 1, 1, 0, 0);
            first.day = LocalDate.of(-4712, 1, 1);
            first.stamp = OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            last.at = LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000);
            last.day = LocalDate.of(5_874_897, 12, 31);
            last.instant = Instant.parse("+294276-12-31T23:59:59.999999Z");
        } else if (kind == DatabaseKind.MARIADB) {
            first.at = LocalDateTime.of(1, 1, 1, 0, 0);
            first.day = LocalDate.of(1, 1, 1);
            last.at = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
            last.day = LocalDate.of(9999, 12, 31);
        } else {
            first.at = LONG_AGO;
            first.day = LocalDate.of(-5000, 1, 1);
            last.at = LocalDateTime.of(300_000, 1, 1, 0, 0);
        }
        Moment infinite = new Moment(3);
        if (kind == DatabaseKind.POSTGRESQL) {
            infinite.at = LocalDateTime.MIN;
            infinite.day = LocalDate.MAX;
            infinite.stamp = OffsetDateTime.MAX;
        }
        try (Session s = f.open()) {
            s.addAll(List.of(first, last, infinite));
            s.commit();
        }
        try (Session s = f.open()) {
            for (Moment expected : List.of(first, last, infinite)) {
                Moment read = s.get(Moment.class, expected.id);
                assertThat(read.at).isEqualTo(expected.at);
                assertThat(read.day).isEqualTo(expected.day);
                assertThat(read.instant).isEqualTo(expected.instant);
                if (expected.stamp != null) {
                    assertThat(read.stamp.isEqual(expected.stamp)).as("%s is %s", read.stamp, expected.stamp).isTrue();
                }
            }
        }
    }

    @DatabaseTest(DatabaseKind.MARIADB)
    void infinityIsPostgresOnly(Engine engine) {
        SessionFactory f = fresh(engine, Moment.class);
        try (Session s = f.open()) {
            Moment m = new Moment(1);
            m.at = LocalDateTime.MAX;
            s.add(m);
            assertThatThrownBy(s::flush).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("(0001-01-01 to 9999-12-31)").hasMessageNotContaining("infinity");
        }
    }
}
