package io.athanor.orm.query;

import static io.athanor.orm.query.Postgres.atTimeZone;
import static io.athanor.orm.query.Postgres.eqAny;
import static io.athanor.orm.query.Postgres.localAtTimeZone;
import static io.athanor.orm.query.Postgres.matches;
import static io.athanor.orm.query.Postgres.neAll;
import static io.athanor.orm.query.Postgres.toTsquery;
import static io.athanor.orm.query.Postgres.toTsvector;
import static io.athanor.orm.query.Postgres.tsRank;
import static io.athanor.orm.query.Postgres.websearchToTsquery;
import static io.athanor.orm.query.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.dialect.MariaDbDialect;
import io.athanor.orm.dialect.PostgresDialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Row;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.internal.sql.QueryCompiler;
import io.athanor.orm.model.report.Event;
import io.athanor.orm.model.report.Event_;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** PostgreSQL's own operators, typed and refused elsewhere; date arithmetic on every database. */
class PostgresOperatorsTest {
    private static final Map<Dialect, QueryCompiler> COMPILERS = new ConcurrentHashMap<>();
    private static final Map<Engine, SessionFactory> FACTORIES = new ConcurrentHashMap<>();
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 3, 30, 22, 30);

    private static String sql(Dialect d, Statement s) {
        return COMPILERS.computeIfAbsent(d, x -> new QueryCompiler(MetadataBuilder.build(List.of(Event.class), x), 100))
                .compile(s).compiled().sql();
    }

    private static List<Object> values(Statement s) {
        return COMPILERS.computeIfAbsent(PostgresDialect.INSTANCE, x -> new QueryCompiler(MetadataBuilder.build(List.of(Event.class),
                x), 100)).compile(s).values();
    }

    static SessionFactory seeded(Engine engine) {
        return FACTORIES.computeIfAbsent(engine, e -> {
            SessionFactory f = SessionFactory.builder(e).entities(Event.class).build();
            f.schema().createAll();
            f.inTransaction(s -> {
                s.add(new Event(1, "deploy", "The database migration ran quickly", LocalDate.of(2024, 1, 31), T0,
                        OffsetDateTime.of(2024, 3, 30, 22, 30, 0, 0, ZoneOffset.UTC)));
                s.add(new Event(2, "incident", "Slow queries on the orders table", LocalDate.of(2024, 2, 29), T0.plusDays(1),
                        OffsetDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneOffset.UTC)));
                s.add(new Event(3, "deploy", "A new release of the search service", LocalDate.of(2024, 12, 31), T0.plusDays(2),
                        OffsetDateTime.of(2024, 12, 31, 23, 0, 0, 0, ZoneOffset.UTC)));
                return null;
            });
            return f;
        });
    }

    @Test
    void operatorsCompileForPostgres() {
        Select<?> s = select(Event.class).where(eqAny(Event_.id, List.of(1L, 2L)), neAll(Event_.kind, List.of("x")),
                matches(toTsvector("english", Event_.body), websearchToTsquery("english", "slow queries")));
        assertThat(sql(PostgresDialect.INSTANCE, s)).endsWith("WHERE (events.id = ANY(?) AND events.kind <> ALL(?) AND "
                + "(to_tsvector(CAST(? AS regconfig), events.body) @@ websearch_to_tsquery(CAST(? AS regconfig), ?)))");
        Select<?> zones = select(atTimeZone(Event_.stamp, "Europe/Paris"), localAtTimeZone(Event_.at, "UTC"),
                tsRank(toTsvector("simple", Event_.body), toTsquery("simple", "a & b")));
        assertThat(sql(PostgresDialect.INSTANCE, zones)).isEqualTo("SELECT (events.stamp AT TIME ZONE ?), (events.at AT TIME ZONE ?), "
                + "ts_rank(to_tsvector(CAST(? AS regconfig), events.body), to_tsquery(CAST(? AS regconfig), ?)) FROM events");
        assertThat(values(zones)).containsExactly("Europe/Paris", "UTC", "simple", "simple", "a & b");
    }

    @Test
    void otherDatabasesRefuseThemByName() {
        Select<?> s = select(Event.class).where(matches(toTsvector("english", Event_.body), toTsquery("english", "x")));
        for (Dialect d : List.of(H2Dialect.INSTANCE, MariaDbDialect.INSTANCE)) {
            assertThatThrownBy(() -> sql(d, s)).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("Postgres.matches(...) is PostgreSQL's").hasMessageContaining(d.displayName());
        }
        assertThatThrownBy(() -> sql(H2Dialect.INSTANCE, select(Event.class).where(eqAny(Event_.id, List.of(1L)))))
                .hasMessageContaining("Postgres.eqAny(...) is PostgreSQL's");
        assertThatThrownBy(() -> toTsvector("english'; drop table x; --", Event_.body)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("plain name");
    }

    @Test
    void dateArithmeticPerDialect() {
        Select<?> s = select(Event_.at.plusInterval(Duration.ofHours(36)), Event_.day.plusDays(1), Event_.day.minusInterval(Period.ofMonths(1)));
        assertThat(sql(PostgresDialect.INSTANCE, s)).isEqualTo("SELECT (events.at + make_interval(0, ?, 0, ?, 0, 0, ?)), "
                + "CAST((events.day + make_interval(0, ?, 0, ?, 0, 0, ?)) AS date), "
                + "CAST((events.day + make_interval(0, ?, 0, ?, 0, 0, ?)) AS date) FROM events");
        assertThat(values(s)).containsExactly(0, 0, 129600.0, 0, 1, 0.0, -1, 0, 0.0);
        assertThat(sql(H2Dialect.INSTANCE, s)).isEqualTo("SELECT DATEADD(MICROSECOND, ?, DATEADD(DAY, ?, DATEADD(MONTH, ?, events.at))), "
                + "DATEADD(DAY, ?, DATEADD(MONTH, ?, events.\"day\")), DATEADD(DAY, ?, DATEADD(MONTH, ?, events.\"day\")) FROM events");
        assertThat(sql(MariaDbDialect.INSTANCE, s)).isEqualTo("SELECT DATE_ADD(DATE_ADD(DATE_ADD(events.at, INTERVAL ? MONTH), "
                + "INTERVAL ? DAY), INTERVAL ? MICROSECOND), DATE_ADD(DATE_ADD(events.day, INTERVAL ? MONTH), INTERVAL ? DAY), "
                + "DATE_ADD(DATE_ADD(events.day, INTERVAL ? MONTH), INTERVAL ? DAY) FROM events");
        assertThatThrownBy(() -> Event_.day.plusInterval(Duration.ofHours(1))).isInstanceOf(AthanorException.class)
                .hasMessageContaining("moves by whole days");
        assertThatThrownBy(() -> Event_.kind.plusDays(1)).isInstanceOf(AthanorException.class)
                .hasMessageContaining("moves a date or timestamp");
    }

    @DatabaseTest
    void dateArithmeticRunsLikeJava(Engine engine) {
        try (Session s = seeded(engine).open()) {
            List<Row> rows = s.select(Event_.id, Event_.at.plusInterval(Duration.ofHours(36).plusMinutes(1)).as("later"),
                    Event_.day.plusInterval(Period.ofMonths(1).plusDays(1)).as("next"), Event_.day.minusDays(31).as("before"),
                    Event_.at.minusInterval(Period.ofYears(1)).as("year_ago")).orderBy(Event_.id).list();
            for (Row r : rows) {
                Event e = s.get(Event.class, r.get("id", Long.class));
                assertThat(r.get("later", LocalDateTime.class)).isEqualTo(e.at.plusHours(36).plusMinutes(1));
                assertThat(r.get("next", LocalDate.class)).isEqualTo(e.day.plusMonths(1).plusDays(1));
                assertThat(r.get("before", LocalDate.class)).isEqualTo(e.day.minusDays(31));
                assertThat(r.get("year_ago", LocalDateTime.class)).isEqualTo(e.at.minusYears(1));
            }
            assertThat(s.select(Event.class).where(Event_.at.plusDays(1).gt(T0.plusDays(2))).list()).extracting(e -> e.id)
                    .containsExactly(3L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void postgresOperatorsRun(Engine engine) {
        try (Session s = seeded(engine).open()) {
            assertThat(s.select(Event.class).where(eqAny(Event_.id, List.of(1L, 3L))).orderBy(Event_.id).list())
                    .extracting(e -> e.id).containsExactly(1L, 3L);
            assertThat(s.select(Event.class).where(eqAny(Event_.id, List.<Long>of())).list()).isEmpty();
            assertThat(s.select(Event.class).where(neAll(Event_.kind, List.of("deploy"))).list()).extracting(e -> e.id)
                    .containsExactly(2L);
            var vector = toTsvector("english", Event_.body);
            assertThat(s.select(Event.class).where(matches(vector, websearchToTsquery("english", "slow query"))).list())
                    .extracting(e -> e.id).containsExactly(2L);
            assertThat(s.select(Event.class).where(matches(vector, toTsquery("english", "release | migration")))
                    .orderBy(Event_.id).list()).extracting(e -> e.id).containsExactly(1L, 3L);
            assertThat(s.select(Event_.id, tsRank(vector, toTsquery("english", "search")).as("rank"))
                    .where(matches(vector, toTsquery("english", "search"))).one().get("rank", Float.class)).isPositive();
            Row r = s.select(atTimeZone(Event_.stamp, "Europe/Paris").as("paris"), localAtTimeZone(Event_.at, "UTC").as("utc"))
                    .where(Event_.id.eq(2L)).one();
            assertThat(r.get("paris", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 7, 1, 14, 0));
            assertThat(r.get("utc", OffsetDateTime.class).toInstant()).isEqualTo(T0.plusDays(1).toInstant(ZoneOffset.UTC));
        }
    }
}
