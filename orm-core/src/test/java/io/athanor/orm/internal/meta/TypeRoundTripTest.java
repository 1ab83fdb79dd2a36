package io.athanor.orm.internal.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.DefaultSessionFactory;
import io.athanor.orm.model.types.Address;
import io.athanor.orm.model.types.AllTypes;
import io.athanor.orm.model.types.JsonDoc;
import io.athanor.orm.model.types.Mood;
import io.athanor.orm.model.types.Point;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every supported Java type is written through its column type and read back unchanged. */
class TypeRoundTripTest {

    private static AllTypes maxima() {
        AllTypes t = new AllTypes();
        t.id = 1;
        t.flag = true;
        t.flagBox = false;
        t.tiny = Byte.MAX_VALUE;
        t.tinyBox = Byte.MIN_VALUE;
        t.small = Short.MAX_VALUE;
        t.smallBox = Short.MIN_VALUE;
        t.number = Integer.MAX_VALUE;
        t.numberBox = Integer.MIN_VALUE;
        t.big = Long.MAX_VALUE;
        t.bigBox = Long.MIN_VALUE;
        t.real = 1.25f;
        t.realBox = -0.5f;
        t.dbl = Math.PI;
        t.dblBox = -1.0E300;
        t.letter = 'é';
        t.letterBox = 'Z';
        t.text = "Zürich ☃ 🚀 'quoted' \"double\" \\ back" + "x".repeat(200);
        t.money = new BigDecimal("123456789012345678.90");
        t.huge = new BigInteger("-99999999999999999999999999999999999999");
        t.bytes = new byte[] {0, -1, 127, -128, 10};
        t.uuid = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
        t.mood = Mood.EXTRAORDINARILY_ENTHUSIASTIC;
        t.moodOrdinal = Mood.CURIOUS;
        t.day = LocalDate.of(9999, 12, 31);
        t.time = LocalTime.of(23, 59, 59, 999_999_000);
        t.stamp = LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000);
        t.offsetStamp = OffsetDateTime.of(2024, 3, 10, 2, 30, 0, 654_321_000, ZoneOffset.ofHoursMinutes(5, 30));
        t.instant = Instant.parse("2038-01-19T03:14:08.000001Z");
        t.duration = Duration.ofDays(365).plusNanos(1);
        t.address = new Address("1 Infinite Loop", "Cupertino");
        t.point = new Point(-3, 42);
        return t;
    }

    private static AllTypes minima() {
        AllTypes t = new AllTypes();
        t.id = 2;
        t.real = -1.5f;
        t.dbl = 0.0;
        t.letter = ' ';
        t.text = "";
        t.money = new BigDecimal("-0.01");
        t.huge = BigInteger.ZERO;
        t.bytes = new byte[0];
        t.uuid = new UUID(0, 0);
        t.mood = Mood.CALM;
        t.moodOrdinal = Mood.CALM;
        t.day = LocalDate.of(1000, 1, 1);
        t.time = LocalTime.MIDNIGHT;
        t.stamp = LocalDateTime.of(1970, 1, 1, 0, 0);
        t.offsetStamp = OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHours(-8));
        t.instant = Instant.EPOCH;
        t.duration = Duration.ofSeconds(-5, 1);
        return t;
    }

    private static AllTypes nulls() {
        AllTypes t = new AllTypes();
        t.id = 3;
        t.letter = 'n'; // a char field's default, NUL, is refused by PostgreSQL text types
        return t;
    }

    @DatabaseTest
    void everySupportedTypeRoundTripsUnchanged(Engine engine) throws Exception {
        SessionFactory sessions = SessionFactory.builder(engine).entities(AllTypes.class).build();
        sessions.schema().createAll();
        EntityModel model = ((DefaultSessionFactory) sessions).metadata().entity(AllTypes.class);
        List<PropertyModel> props = model.properties();
        String table = sessions.dialect().qualify(model.table().schema(), model.table().name());
        String columns = props.stream().map(p -> sessions.dialect().quote(p.column().name())).collect(Collectors.joining(", "));
        String marks = props.stream().map(p -> "?").collect(Collectors.joining(", "));
        List<AllTypes> originals = List.of(maxima(), minima(), nulls());
        try (Connection c = engine.connect()) {
            try (PreparedStatement ps = c.jdbc().prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")")) {
                for (AllTypes original : originals) {
                    for (int i = 0; i < props.size(); i++) {
                        props.get(i).column().type().bind(ps, i + 1, props.get(i).accessor().get(original));
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        try (Connection c = engine.connect();
             PreparedStatement ps = c.jdbc().prepareStatement("select " + columns + " from " + table + " where id = ?")) {
            for (AllTypes original : originals) {
                ps.setInt(1, original.id);
                AllTypes loaded = (AllTypes) model.newInstance();
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    for (int i = 0; i < props.size(); i++) {
                        Object value = props.get(i).column().type().read(rs, i + 1);
                        if (value != null || !primitive(props.get(i))) {
                            props.get(i).accessor().set(loaded, value);
                        }
                    }
                }
                for (PropertyModel p : props) {
                    Object expected = p.accessor().get(original);
                    Object actual = p.accessor().get(loaded);
                    if (expected instanceof OffsetDateTime && !sessions.dialect().keepsTimeZoneOffset()) {
                        assertThat(((OffsetDateTime) actual).isEqual((OffsetDateTime) expected))
                                .as("%s: %s is the same instant as %s", p.path(), actual, expected).isTrue();
                    } else {
                        assertThat(actual).as("%s on row %d", p.path(), original.id).isEqualTo(expected);
                    }
                }
                assertThat(loaded.notStored).isEqualTo("never");
            }
        } finally {
            sessions.schema().dropAll();
        }
    }

    @DatabaseTest
    void theLoadersGettersReadEveryTypeAsItsColumnTypeDoes(Engine engine) throws Exception {
        SessionFactory sessions = SessionFactory.builder(engine).entities(AllTypes.class).build();
        sessions.schema().createAll();
        EntityModel model = ((DefaultSessionFactory) sessions).metadata().entity(AllTypes.class);
        List<PropertyModel> props = model.properties();
        List<AllTypes> originals = List.of(maxima(), minima(), nulls());
        try {
            sessions.runInTransaction(s -> originals.forEach(s::add));
            String table = sessions.dialect().qualify(model.table().schema(), model.table().name());
            String columns = props.stream().map(p -> sessions.dialect().quote(p.column().name())).collect(Collectors.joining(", "));
            try (Connection c = engine.connect();
                 PreparedStatement ps = c.jdbc().prepareStatement("select " + columns + " from " + table + " order by id");
                 ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    for (int i = 0; i < props.size(); i++) {
                        io.athanor.orm.internal.types.ColumnType type = props.get(i).column().type();
                        Object byType = type.read(rs, i + 1);
                        Object byCode = io.athanor.orm.internal.types.ColumnReads.read(rs, i + 1,
                                io.athanor.orm.internal.types.ColumnReads.codeOf(type), type);
                        assertThat(byCode).as("%s on row %d", props.get(i).path(), rows).isEqualTo(byType);
                    }
                }
                assertThat(rows).isEqualTo(3);
            }
            try (io.athanor.orm.Session s = sessions.open()) {
                for (AllTypes original : originals) {
                    AllTypes loaded = s.get(AllTypes.class, original.id);
                    for (PropertyModel p : props) {
                        Object expected = p.accessor().get(original);
                        Object actual = p.accessor().get(loaded);
                        if (expected instanceof OffsetDateTime && !sessions.dialect().keepsTimeZoneOffset()) {
                            assertThat(((OffsetDateTime) actual).isEqual((OffsetDateTime) expected)).isTrue();
                        } else {
                            assertThat(actual).as("%s on row %d", p.path(), original.id).isEqualTo(expected);
                        }
                    }
                }
            }
        } finally {
            sessions.schema().dropAll();
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aConverterCanStoreIntoJsonb(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(JsonDoc.class).build();
        sessions.schema().createAll();
        try {
            EntityModel model = ((DefaultSessionFactory) sessions).metadata().entity(JsonDoc.class);
            PropertyModel point = model.property("point");
            JsonDoc doc = new JsonDoc();
            doc.id = 1L;
            doc.point = new Point(7, -8);
            engine.runInTransaction(c -> {
                try (PreparedStatement ps = c.jdbc().prepareStatement("insert into json_doc (id, point) values (?, ?)")) {
                    ps.setLong(1, 1L);
                    point.column().type().bind(ps, 2, point.accessor().get(doc));
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Connection c = engine.connect()) {
                assertThat(c.execute(io.athanor.orm.engine.Text.text("select point ->> 'y' as y, pg_typeof(point)::text as t "
                        + "from json_doc")).one().asMap()).containsEntry("y", "-8").containsEntry("t", "jsonb");
            }
        } finally {
            sessions.schema().dropAll();
        }
    }

    private static boolean primitive(PropertyModel p) {
        try {
            return AllTypes.class.getField(p.path().contains(".") ? p.path().substring(0, p.path().indexOf('.')) : p.path())
                    .getType().isPrimitive();
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
