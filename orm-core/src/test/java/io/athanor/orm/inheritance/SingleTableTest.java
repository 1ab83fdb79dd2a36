package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.CardPayment_;
import io.athanor.orm.model.inheritance.InstantWire;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Payment_;
import io.athanor.orm.model.inheritance.Shop;
import io.athanor.orm.model.inheritance.WirePayment;
import io.athanor.orm.model.inheritance.WirePayment_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/** Single-table inheritance: one table with a discriminator, polymorphic queries, identity by the root, and flush. */
class SingleTableTest {

    private static List<String> described(List<? extends Payment> payments) {
        return payments.stream().map(Payment::describe).toList();
    }

    @DatabaseTest
    void theHierarchyLivesInOneTableWithADiscriminatorAndNullableSubclassColumns(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        String ddl = f.schema().createSql().toLowerCase(java.util.Locale.ROOT);
        assertThat(ddl).contains("inh_payment").doesNotContain("card_payment (", "wire_payment (", "instant_wire (");
        String table = java.util.Arrays.stream(ddl.replace("\"", "").replace("`", "").split(";")).map(String::trim)
                .filter(x -> x.startsWith("create table") && x.substring(0, x.indexOf('(')).contains("inh_payment"))
                .findFirst().orElseThrow();
        assertThat(table).contains("kind", "card_number", "iban", "network", "amount", "shop_id");
        assertThat(lineOf(table, "card_number")).doesNotContain("not null");
        assertThat(lineOf(table, "network")).doesNotContain("not null");
        assertThat(lineOf(table, "kind")).contains("not null");
        InheritanceFixture.seed(f);
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount, card_number, iban, network FROM inh_payment ORDER BY amount"))
                .containsExactly(java.util.Arrays.asList("card", 10L, "4111", null, null),
                        java.util.Arrays.asList("WirePayment", 20L, null, "DE01", null),
                        java.util.Arrays.asList("instant", 30L, null, "DE02", "sepa"));
    }

    private static String lineOf(String table, String column) {
        for (String part : table.split(",")) {
            if (part.contains(" " + column + " ") || part.trim().startsWith(column + " ")) {
                return part;
            }
        }
        throw new AssertionError("no column " + column + " in " + table);
    }

    @DatabaseTest
    void aQueryOfTheRootReturnsEachRowAsItsSubclassInOneStatement(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Payment> all = s.select(Payment.class).orderBy(Payment_.amount).list();
            assertThat(described(all)).containsExactly("CardPayment:10:4111", "WirePayment:20:DE01", "InstantWire:30:DE02:sepa");
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql().get(0)).doesNotContain(" IN (");
        }
    }

    @DatabaseTest
    void aQueryOfASubclassKeepsItsRowsAndThoseOfItsSubclasses(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        try (Session s = f.open()) {
            assertThat(described(s.select(WirePayment.class).orderBy(WirePayment_.amount).list()))
                    .containsExactly("WirePayment:20:DE01", "InstantWire:30:DE02:sepa");
            assertThat(described(s.select(CardPayment.class).list())).containsExactly("CardPayment:10:4111");
            assertThat(described(s.select(WirePayment.class).where(WirePayment_.amount.gt(25L)).list()))
                    .as("the discriminator and the query's own condition together").containsExactly("InstantWire:30:DE02:sepa");
            assertThat(s.select(InstantWire.class).list()).hasSize(1);
            assertThat(s.select(CardPayment.class).where(CardPayment_.amount.gt(10L).or(CardPayment_.amount.lt(100L))).list())
                    .as("an OR stays inside the subclass's rows").hasSize(1);
        }
    }

    @DatabaseTest
    void subclassAttributesFilterAndOrderAQueryOfTheRoot(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        try (Session s = f.open()) {
            assertThat(described(s.select(Payment.class).where(CardPayment_.cardNumber.eq("4111")).list()))
                    .containsExactly("CardPayment:10:4111");
            assertThat(described(s.select(Payment.class).where(WirePayment_.iban.isNotNull())
                    .orderBy(WirePayment_.iban.desc()).list())).containsExactly("InstantWire:30:DE02:sepa", "WirePayment:20:DE01");
        }
    }

    @DatabaseTest
    void findByTheRootOrASubclassGivesTheSameInstanceAndTheWrongSubclassGivesNull(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        Long cardId = f.inTransaction(s -> s.select(CardPayment.class).one().getId());
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Payment p = s.get(Payment.class, cardId);
            assertThat(p).isInstanceOf(CardPayment.class);
            assertThat(s.get(CardPayment.class, cardId)).isSameAs(p);
            assertThat(sql.count()).as("the second find is the identity map's").isEqualTo(1);
            assertThat(s.get(WirePayment.class, cardId)).isNull();
        }
        try (Session s = f.open()) {
            assertThat(s.get(WirePayment.class, cardId)).as("a query of another subclass does not find the row").isNull();
            CardPayment card = s.get(CardPayment.class, cardId);
            assertThat(s.select(Payment.class).where(Payment_.id.eq(cardId)).one()).isSameAs(card);
        }
    }

    @DatabaseTest
    void flushInsertsUpdatesAndDeletesMixedSubclasses(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        Long versionBefore = f.inTransaction(s -> s.select(CardPayment.class).one().getVersion());
        f.runInTransaction(s -> {
            Shop shop = s.select(Shop.class).one();
            s.add(new CardPayment(40, shop, "5500"));
            CardPayment card = s.select(CardPayment.class).where(CardPayment_.amount.eq(10L)).one();
            card.setCardNumber("4222");
            WirePayment wire = s.select(WirePayment.class).where(WirePayment_.amount.eq(20L)).one();
            s.select(io.athanor.orm.model.inheritance.Refund.class).list().stream()
                    .filter(r -> r.getPayment() == wire).forEach(s::delete);
            s.delete(wire);
        });
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount, card_number, iban FROM inh_payment ORDER BY amount"))
                .containsExactly(java.util.Arrays.asList("card", 10L, "4222", null),
                        java.util.Arrays.asList("instant", 30L, null, "DE02"),
                        java.util.Arrays.asList("card", 40L, "5500", null));
        try (Session s = f.open()) {
            CardPayment card = s.select(CardPayment.class).where(CardPayment_.amount.eq(10L)).one();
            assertThat(card.getVersion()).as("the update bumped the inherited version").isEqualTo(versionBefore + 1);
        }
    }

    @DatabaseTest
    void aFailedOrRolledBackFlushLeavesTheRowsAsTheyWere(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        List<List<Object>> before = InheritanceFixture.rows(f, "SELECT kind, amount, card_number, iban FROM inh_payment ORDER BY amount");
        try (Session s = f.open()) {
            Shop shop = s.select(Shop.class).one();
            s.add(new InstantWire(50, shop, "DE09", "tips"));
            CardPayment card = s.select(CardPayment.class).one();
            card.setCardNumber("9999");
            s.flush();
            s.rollback();
            assertThat(card.getCardNumber()).as("the instance holds what the database holds").isEqualTo("4111");
        }
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount, card_number, iban FROM inh_payment ORDER BY amount"))
                .isEqualTo(before);
        try (Session s = f.open()) {
            WirePayment wire = s.select(WirePayment.class).where(WirePayment_.amount.eq(20L)).one();
            s.delete(wire);
            assertThatThrownBy(s::flush).as("its refund still refers to it")
                    .isInstanceOf(io.athanor.orm.error.AthanorException.class);
            s.rollback();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount, card_number, iban FROM inh_payment ORDER BY amount"))
                .isEqualTo(before);
    }

    @DatabaseTest
    void statementsAndJoinsOfASubclassTouchOnlyItsOwnRows(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        try (Session s = f.open()) {
            assertThat(s.select(Shop.class).join(CardPayment.class).count()).as("join of a subclass").isEqualTo(1L);
            assertThat(s.select(Shop.class).join(WirePayment.class).count()).isEqualTo(2L);
            assertThat(s.select(Shop.class).join(Payment.class).count()).as("join of the root").isEqualTo(3L);
        }
        f.runInTransaction(s -> {
            assertThat(s.update(WirePayment.class).set(WirePayment_.amount, 99L).execute())
                    .as("an UPDATE of a subclass without a condition").isEqualTo(2L);
            s.delete(io.athanor.orm.model.inheritance.Refund.class).execute();
            assertThat(s.delete(CardPayment.class).where(CardPayment_.amount.gt(0L).or(CardPayment_.amount.lt(0L))).execute())
                    .as("a DELETE of a subclass with an OR").isEqualTo(1L);
        });
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount FROM inh_payment"))
                .containsExactlyInAnyOrder(java.util.Arrays.asList("WirePayment", 99L), java.util.Arrays.asList("instant", 99L));
    }

    @DatabaseTest
    void bulkInsertsOfASubclassWriteItsDiscriminatorAndTheAbstractRootIsRefused(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        f.runInTransaction(s -> {
            assertThat(s.bulkInsertMappings(CardPayment.class, List.of(
                    java.util.Map.of("amount", 5L, "cardNumber", "5500"),
                    java.util.Map.of("amount", 6L, "cardNumber", "5501")))).isEqualTo(2L);
            assertThat(s.bulkInsertMappings(InstantWire.class, List.of(
                    java.util.Map.of("amount", 7L, "iban", "DE07", "network", "sepa")))).isEqualTo(1L);
        });
        assertThatThrownBy(() -> f.runInTransaction(s -> s.bulkInsertMappings(Payment.class,
                List.of(java.util.Map.of("amount", 1L)))))
                .hasMessageContaining("abstract entity of a single-table hierarchy").hasMessageContaining("CardPayment");
        try (Session s = f.open()) {
            assertThat(described(s.select(Payment.class).orderBy(Payment_.amount).list()))
                    .containsExactly("CardPayment:5:5500", "CardPayment:6:5501", "InstantWire:7:DE07:sepa");
        }
    }

    @DatabaseTest(io.athanor.orm.test.DatabaseKind.POSTGRESQL)
    void copyOfASubclassWritesItsDiscriminator(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        f.runInTransaction(s -> s.bulkInsertMappings(WirePayment.class,
                List.of(java.util.Map.of("amount", 8L, "iban", "DE08")), io.athanor.orm.BulkMode.COPY));
        try (Session s = f.open()) {
            assertThat(described(s.select(Payment.class).list())).containsExactly("WirePayment:8:DE08");
        }
    }
}
