package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.InstantWire;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Payment_;
import io.athanor.orm.model.inheritance.WirePayment;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bulkUpdateMappings} of a single-table subclass keeps to the rows of its class (and its subclasses): a key
 * naming another class's row matches nothing, exactly as a key that names no row, and is left out of the count.
 */
class SubclassBulkUpdateTest {

    private record Ids(long card, long wire, long instant) {
    }

    private static Ids ids(SessionFactory f) {
        return f.inTransaction(s -> {
            List<Payment> all = s.select(Payment.class).orderBy(Payment_.amount).list();
            return new Ids(all.get(0).getId(), all.get(1).getId(), all.get(2).getId());
        });
    }

    private static long bulk(SessionFactory f, Class<?> entity, List<Map<String, Long>> rows) {
        long[] updated = new long[1];
        f.runInTransaction(s -> updated[0] = s.bulkUpdateMappings(entity, rows));
        return updated[0];
    }

    private static List<List<Object>> amounts(SessionFactory f) {
        return InheritanceFixture.rows(f, "SELECT kind, amount FROM inh_payment ORDER BY id");
    }

    @DatabaseTest
    void aSubclassUpdatesOnlyItsOwnRowsAndCountsASiblingsKeyAsAMiss(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        Ids ids = ids(f);
        try (SqlRecorder sql = SqlRecorder.attach(engine)) {
            long updated = bulk(f, WirePayment.class, List.of(
                    Map.of("id", ids.card(), "amount", 99L),       // a card payment's row: not a wire
                    Map.of("id", ids.wire(), "amount", 21L),
                    Map.of("id", ids.instant(), "amount", 31L),    // a subclass of WirePayment: its row
                    Map.of("id", 987_654L, "amount", 1L)));        // no row at all
            assertThat(updated).as("the card's key is a miss, like the missing key").isEqualTo(2L);
            assertThat(sql.sql()).filteredOn(x -> x.startsWith("UPDATE")).singleElement().asString()
                    .contains("IN ('WirePayment', 'instant')");
        }
        assertThat(amounts(f)).containsExactly(Arrays.asList("card", 10L), Arrays.asList("WirePayment", 21L),
                Arrays.asList("instant", 31L));
        assertThat(bulk(f, CardPayment.class, List.of(
                Map.of("id", ids.wire(), "amount", 0L), Map.of("id", ids.instant(), "amount", 0L))))
                .as("only siblings' keys").isZero();
        assertThat(bulk(f, InstantWire.class, List.of(
                Map.of("id", ids.wire(), "amount", 0L))))
                .as("a superclass's row is not a subclass's").isZero();
        assertThat(amounts(f)).containsExactly(Arrays.asList("card", 10L), Arrays.asList("WirePayment", 21L),
                Arrays.asList("instant", 31L));
        assertThat(bulk(f, Payment.class, List.of(
                Map.of("id", ids.card(), "amount", 11L), Map.of("id", ids.instant(), "amount", 32L))))
                .as("the root updates every class's rows").isEqualTo(2L);
        assertThat(amounts(f)).containsExactly(Arrays.asList("card", 11L), Arrays.asList("WirePayment", 21L),
                Arrays.asList("instant", 32L));
    }

    @DatabaseTest
    void aHeldInstanceOfASiblingIsNotSynchronizedAndKeepsItsPendingChange(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        Ids ids = ids(f);
        try (Session s = f.open()) {
            CardPayment card = s.get(CardPayment.class, ids.card());
            WirePayment wire = s.get(WirePayment.class, ids.wire());
            card.setCardNumber("4999");
            assertThat(s.bulkUpdateMappings(WirePayment.class, List.of(
                    Map.of("id", ids.card(), "amount", 77L), Map.of("id", ids.wire(), "amount", 22L)))).isEqualTo(1L);
            assertThat(card.getAmount()).as("the card's row was not written").isEqualTo(10L);
            assertThat(wire.getAmount()).as("the wire's row was, and so is its instance").isEqualTo(22L);
            s.commit();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount, card_number FROM inh_payment ORDER BY id"))
                .containsExactly(Arrays.asList("card", 10L, "4999"), Arrays.asList("WirePayment", 22L, null),
                        Arrays.asList("instant", 30L, null));
    }
}
