package io.athanor.orm.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.query.ComparableAttribute;
import io.athanor.orm.test.DatabaseTest;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * ZonedDateTime keeps its instant and reads back in UTC; OffsetTime keeps its offset where the database has a
 * time with time zone (PostgreSQL, H2) and reads back as the same moment in UTC elsewhere (MariaDB).
 */
class ZonedTimesTest {
    private static final ZonedDateTime PARIS = ZonedDateTime.of(2024, 3, 31, 1, 30, 0, 123_456_000, ZoneId.of("Europe/Paris"));
    private static final OffsetTime TEA = OffsetTime.of(17, 0, 0, 250_000_000, ZoneOffset.ofHours(5));

    @Entity
    @Table(name = "zoned_meeting")
    static class Meeting {
        @Id
        Long id;
        ZonedDateTime startsAt;
        OffsetTime dailyAt;

        Meeting() {
        }

        Meeting(long id, ZonedDateTime startsAt, OffsetTime dailyAt) {
            this.id = id;
            this.startsAt = startsAt;
            this.dailyAt = dailyAt;
        }
    }

    private static final ComparableAttribute<Meeting, Long> ID = new ComparableAttribute<>(Meeting.class, "id", Long.class);
    private static final ComparableAttribute<Meeting, ZonedDateTime> STARTS =
            new ComparableAttribute<>(Meeting.class, "startsAt", ZonedDateTime.class);

    @DatabaseTest
    void zonedTimesRoundTripThroughFlushFindAndQuery(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Meeting.class).build();
        sessions.schema().dropAll();
        sessions.schema().createAll();
        boolean keepsOffset = !sessions.dialect().name().equals("mariadb");
        sessions.inTransaction(s -> {
            s.add(new Meeting(1, PARIS, TEA));
            s.add(new Meeting(2, PARIS.plusDays(1), null));
            s.add(new Meeting(3, null, null));
            return null;
        });
        try (Session s = sessions.open()) {
            Meeting m = s.get(Meeting.class, 1L);
            assertThat(m.startsAt.toInstant()).isEqualTo(PARIS.toInstant());
            assertThat(m.startsAt.getZone()).isEqualTo(ZoneOffset.UTC);
            if (keepsOffset) {
                assertThat(m.dailyAt).isEqualTo(TEA);
            } else {
                assertThat(m.dailyAt).isEqualTo(OffsetTime.of(12, 0, 0, 250_000_000, ZoneOffset.UTC));
            }
            assertThat(s.get(Meeting.class, 3L).startsAt).isNull();
            assertThat(s.select(Meeting.class).where(STARTS.gt(PARIS.withZoneSameInstant(ZoneId.of("America/New_York"))))
                    .list()).extracting(x -> x.id).containsExactly(2L);
            assertThat(s.select(Meeting.class).where(STARTS.eq(PARIS)).list()).extracting(x -> x.id).containsExactly(1L);
            assertThat(s.select(Meeting.class).where(STARTS.isNotNull()).orderBy(STARTS.desc()).list())
                    .extracting(x -> x.id).containsExactly(2L, 1L);
        }
        sessions.inTransaction(s -> {
            s.get(Meeting.class, 1L).startsAt = PARIS.plusHours(2);
            s.get(Meeting.class, 3L).dailyAt = TEA;
            s.delete(s.get(Meeting.class, 2L));
            return null;
        });
        try (Session s = sessions.open()) {
            assertThat(s.get(Meeting.class, 1L).startsAt.toInstant()).isEqualTo(PARIS.plusHours(2).toInstant());
            assertThat(s.get(Meeting.class, 3L).dailyAt.isEqual(TEA)).isTrue();
            assertThat(s.select(Meeting.class).orderBy(ID.asc()).list()).extracting(x -> x.id).containsExactly(1L, 3L);
        }
    }
}
