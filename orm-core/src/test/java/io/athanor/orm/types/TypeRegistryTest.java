package io.athanor.orm.types;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.AttributeConverter;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.dialect.Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.ComparableAttribute;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Types registered once for a factory: a new value type, a built-in type replaced, converters applied by
 * type (registered, auto-applied, Jakarta {@code @Converter(autoApply = true)}), and a field's own
 * {@code @Convert} winning over all of them.
 */
class TypeRegistryTest {

    /** An amount in a currency, a type Athanor does not know. */
    record Money(BigDecimal amount, String currency) {
        static Money parse(String text) {
            String[] parts = text.split(" ");
            return new Money(new BigDecimal(parts[0]), parts[1]);
        }

        @Override
        public String toString() {
            return amount.toPlainString() + " " + currency;
        }
    }

    /** Money as text, {@code 12.50 EUR}. */
    // tag::value-type[]
    static final class MoneyType implements ValueType<Money> {
        @Override
        public String sqlType(Dialect dialect) {
            return "varchar(40)";
        }

        @Override
        public void bind(PreparedStatement ps, int index, Money value, Dialect dialect) throws SQLException {
            ps.setString(index, value.toString());
        }

        @Override
        public void bindNull(PreparedStatement ps, int index, Dialect dialect) throws SQLException {
            ps.setNull(index, java.sql.Types.VARCHAR);
        }

        @Override
        public Money read(ResultSet rs, int index, Dialect dialect) throws SQLException {
            String s = rs.getString(index);
            return s == null ? null : Money.parse(s);
        }
    }
    // end::value-type[]

    /** Durations as ISO-8601 text instead of the built-in nanosecond count. */
    static final class IsoDuration implements ValueType<Duration> {
        @Override
        public String sqlType(Dialect dialect) {
            return "varchar(30)";
        }

        @Override
        public void bind(PreparedStatement ps, int index, Duration value, Dialect dialect) throws SQLException {
            ps.setString(index, value.toString());
        }

        @Override
        public Duration read(ResultSet rs, int index, Dialect dialect) throws SQLException {
            String s = rs.getString(index);
            return s == null ? null : Duration.parse(s);
        }
    }

    /** A colour, stored through a converter registered by type. */
    record Colour(int rgb) {
    }

    /** A tag, stored through an auto-applied converter class. */
    record Tag(String name) {
    }

    /** A code, stored through a Jakarta converter listed with the entities. */
    record Code(String value) {
    }

    public static final class TagText implements AttributeConverter<Tag, String> {
        @Override
        public String toDatabase(Tag attribute) {
            return "#" + attribute.name();
        }

        @Override
        public Tag fromDatabase(String value) {
            return new Tag(value.substring(1));
        }
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static final class CodeText implements jakarta.persistence.AttributeConverter<Code, String> {
        @Override
        public String convertToDatabaseColumn(Code attribute) {
            return attribute.value().toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public Code convertToEntityAttribute(String dbData) {
            return new Code(dbData.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Stores a Duration as whole seconds, for one field only. */
    public static final class Seconds implements AttributeConverter<Duration, Long> {
        @Override
        public Long toDatabase(Duration attribute) {
            return attribute.getSeconds();
        }

        @Override
        public Duration fromDatabase(Long value) {
            return Duration.ofSeconds(value);
        }
    }

    @Entity
    @Table(name = "typereg_invoice")
    static class Invoice {
        @Id
        Long id;
        Money total;
        Duration term;
        @Convert(Seconds.class)
        Duration grace;
        Colour colour;
        Tag tag;
        Code code;

        Invoice() {
        }

        Invoice(long id, Money total, Duration term, Duration grace, Colour colour, Tag tag, Code code) {
            this.id = id;
            this.total = total;
            this.term = term;
            this.grace = grace;
            this.colour = colour;
            this.tag = tag;
            this.code = code;
        }
    }

    private static final ComparableAttribute<Invoice, Long> ID = new ComparableAttribute<>(Invoice.class, "id", Long.class);
    private static final Attribute<Invoice, Money> TOTAL = new Attribute<>(Invoice.class, "total", Money.class);
    private static final Attribute<Invoice, Tag> TAG = new Attribute<>(Invoice.class, "tag", Tag.class);
    private static final Attribute<Invoice, Code> CODE = new Attribute<>(Invoice.class, "code", Code.class);
    private static final Attribute<Invoice, Colour> COLOUR = new Attribute<>(Invoice.class, "colour", Colour.class);

    private static SessionFactory factory(Engine engine) {
        // tag::registry[]
        SessionFactory sessions = SessionFactory.builder(engine)
                .types(t -> t.register(Money.class, new MoneyType())
                        .register(Duration.class, new IsoDuration())
                        .convert(Colour.class, Integer.class, new AttributeConverter<Colour, Integer>() {
                            @Override
                            public Integer toDatabase(Colour attribute) {
                                return attribute.rgb();
                            }

                            @Override
                            public Colour fromDatabase(Integer value) {
                                return new Colour(value);
                            }
                        })
                        .autoApply(TagText.class))
                .entities(Invoice.class, CodeText.class)
                .build();
        // end::registry[]
        sessions.schema().dropAll();
        sessions.schema().createAll();
        return sessions;
    }

    @DatabaseTest
    void registeredTypesMapEveryFieldOfTheirType(Engine engine) {
        SessionFactory sessions = factory(engine);
        Money ten = new Money(new BigDecimal("10.50"), "EUR");
        sessions.inTransaction(s -> {
            s.add(new Invoice(1, ten, Duration.ofDays(30), Duration.ofMinutes(2), new Colour(0xff8800), new Tag("urgent"),
                    new Code("ab1")));
            s.add(new Invoice(2, null, null, null, null, null, null));
            return null;
        });
        try (Session s = sessions.open()) {
            Invoice i = s.get(Invoice.class, 1L);
            assertThat(i.total).isEqualTo(ten);
            assertThat(i.term).isEqualTo(Duration.ofDays(30));
            assertThat(i.grace).isEqualTo(Duration.ofMinutes(2));
            assertThat(i.colour).isEqualTo(new Colour(0xff8800));
            assertThat(i.tag).isEqualTo(new Tag("urgent"));
            assertThat(i.code).isEqualTo(new Code("ab1"));
            Invoice empty = s.get(Invoice.class, 2L);
            assertThat(empty.total).isNull();
            assertThat(empty.tag).isNull();
            Map<String, Object> stored = s.execute(text("select total, term, grace, colour, tag, code from typereg_invoice where id = 1"))
                    .one().asMap();
            assertThat(stored.values().stream().map(String::valueOf).toList())
                    .containsExactly("10.50 EUR", "PT720H", "120", String.valueOf(0xff8800), "#urgent", "AB1");
            assertThat(s.select(Invoice.class).where(TOTAL.eq(ten)).list()).extracting(x -> x.id).containsExactly(1L);
            assertThat(s.select(Invoice.class).where(TAG.in(List.of(new Tag("urgent"), new Tag("other")))).list())
                    .extracting(x -> x.id).containsExactly(1L);
            assertThat(s.select(Invoice.class).where(CODE.eq(new Code("ab1"))).list()).extracting(x -> x.id).containsExactly(1L);
            assertThat(s.select(Invoice.class).where(COLOUR.eq(new Colour(0xff8800))).list()).extracting(x -> x.id)
                    .containsExactly(1L);
            assertThat(s.select(TOTAL).where(ID.eq(1L)).one().get(0)).isEqualTo(ten);
        }
        sessions.inTransaction(s -> {
            Invoice i = s.get(Invoice.class, 1L);
            i.total = new Money(new BigDecimal("11"), "USD");
            i.tag = null;
            s.get(Invoice.class, 2L).tag = new Tag("late");
            return null;
        });
        sessions.inTransaction(s -> {
            s.delete(s.get(Invoice.class, 2L));
            return null;
        });
        try (Session s = sessions.open()) {
            List<Invoice> all = s.select(Invoice.class).orderBy(ID.asc()).list();
            assertThat(all).extracting(x -> x.id).containsExactly(1L);
            assertThat(all.get(0).total).isEqualTo(new Money(new BigDecimal("11"), "USD"));
            assertThat(all.get(0).tag).isNull();
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void copyWritesARegisteredTypeAsItsText(Engine engine) {
        SessionFactory sessions = factory(engine);
        Money five = new Money(new BigDecimal("5"), "GBP");
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", 7L);
        row.put("total", five);
        row.put("term", Duration.ofHours(1));
        sessions.inTransaction(s -> s.bulkInsertMappings(Invoice.class, List.of(row), BulkMode.COPY));
        try (Session s = sessions.open()) {
            assertThat(s.get(Invoice.class, 7L).total).isEqualTo(five);
            assertThat(s.get(Invoice.class, 7L).term).isEqualTo(Duration.ofHours(1));
        }
    }

    /** Not a converter. */
    static final class NotAConverter {
    }

    @DatabaseTest(DatabaseKind.H2)
    void badRegistrationsAreClearErrors(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine).types(t -> t.autoApply(NotAConverter.class))
                .entities(Invoice.class).build()).isInstanceOf(MappingException.class)
                .hasMessageContaining(NotAConverter.class.getName()).hasMessageContaining("AttributeConverter");
        assertThatThrownBy(() -> SessionFactory.builder(engine).types(t -> t.register(int.class, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionFactory.builder(engine).entities(Invoice.class).build())
                .isInstanceOf(MappingException.class).hasMessageContaining("Money")
                .hasMessageContaining("types(t -> t.register");
    }
}
