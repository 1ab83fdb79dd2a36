package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Athanor;
import io.athanor.orm.EntityNotFoundException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.inheritance.CardPayment;
import io.athanor.orm.model.inheritance.Payment;
import io.athanor.orm.model.inheritance.Payment_;
import io.athanor.orm.model.inheritance.WirePayment;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/**
 * {@code getReference} of a single-table hierarchy: an instance the session holds is returned as it is (its real
 * class); otherwise the lazy reference is of the class asked for, whatever the row's class turns out to be.
 */
class HierarchyReferenceTest {

    private static List<Long> ids(SessionFactory f) {
        return f.inTransaction(s -> s.select(Payment.class).orderBy(Payment_.amount).list().stream().map(Payment::getId).toList());
    }

    @DatabaseTest
    void anInstanceTheSessionHoldsIsReturnedAsItsOwnClass(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        long card = ids(f).get(0);
        try (Session s = f.open()) {
            CardPayment held = s.get(CardPayment.class, card);
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                Payment ref = s.getReference(Payment.class, card);
                assertThat(ref).isSameAs(held).isInstanceOf(CardPayment.class);
                assertThat(s.getReference(CardPayment.class, card)).isSameAs(held);
                assertThat(sql.count()).isZero();
            }
        }
    }

    @DatabaseTest
    void otherwiseTheReferenceIsOfTheDeclaredClassAndStaysSo(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        long card = ids(f).get(0);
        try (Session s = f.open()) {
            Payment ref;
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                ref = s.getReference(Payment.class, card);
                assertThat(ref.getId()).isEqualTo(card);
                assertThat(sql.count()).as("no statement until it is used").isZero();
            }
            assertThat(Athanor.entityClass(ref)).isEqualTo(Payment.class);
            assertThat(ref).isNotInstanceOf(CardPayment.class);
            assertThat(ref.getAmount()).as("its row loads on first use").isEqualTo(10L);
            assertThat(ref).as("and it keeps the declared class").isNotInstanceOf(CardPayment.class);
            assertThat(s.get(Payment.class, card)).isSameAs(ref);
            assertThat(s.get(WirePayment.class, card)).as("the row is not a wire").isNull();
            assertThatThrownBy(() -> s.get(CardPayment.class, card)).as("not a ClassCastException")
                    .hasMessageContaining("lazy reference of Payment").hasMessageContaining("cannot be returned as a CardPayment")
                    .hasMessageContaining("get(CardPayment.class, " + card + ")");
            assertThatThrownBy(() -> s.select(CardPayment.class).list())
                    .hasMessageContaining("lazy reference of Payment");
            assertThatThrownBy(() -> s.getReference(CardPayment.class, card))
                    .hasMessageContaining("lazy reference of Payment");
        }
        try (Session s = f.open()) {
            Payment ref = s.getReference(Payment.class, card);
            assertThatThrownBy(() -> s.get(CardPayment.class, card)).as("unread, the query finds the reference")
                    .hasMessageContaining("lazy reference of Payment");
            assertThat(Athanor.isLoaded(ref)).isFalse();
        }
        try (Session s = f.open()) {
            Payment p = s.get(Payment.class, card);
            assertThat(p).as("get reads the row's class").isInstanceOf(CardPayment.class);
            assertThat(((CardPayment) p).getCardNumber()).isEqualTo("4111");
        }
    }

    @DatabaseTest
    void aReferenceOfASubclassToAnotherClasssRowIsNotFound(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        List<Long> ids = ids(f);
        try (Session s = f.open()) {
            WirePayment notAWire = s.getReference(WirePayment.class, ids.get(0));
            assertThatThrownBy(notAWire::getAmount).isInstanceOf(EntityNotFoundException.class)
                    .hasMessageContaining("There is no WirePayment");
        }
        try (Session s = f.open()) {
            s.get(CardPayment.class, ids.get(0));
            assertThatThrownBy(() -> s.getReference(WirePayment.class, ids.get(0)))
                    .isInstanceOf(EntityNotFoundException.class)
                    .hasMessageContaining("There is no WirePayment").hasMessageContaining("holds that row as a CardPayment");
            assertThat(s.getReference(WirePayment.class, ids.get(2))).as("an instant wire is a wire")
                    .isInstanceOf(WirePayment.class);
        }
    }

    @DatabaseTest
    void aReferenceOfTheRootReadAndCommittedWritesOnlyWhatChanged(Engine engine) {
        SessionFactory f = InheritanceFixture.factory(engine);
        InheritanceFixture.seed(f);
        long card = ids(f).get(0);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.begin();
            Payment ref = s.getReference(Payment.class, card);
            assertThat(ref.getAmount()).isEqualTo(10L);
            s.commit();
            assertThat(sql.sql()).as("reading a reference changes nothing")
                    .noneMatch(x -> x.toLowerCase(java.util.Locale.ROOT).startsWith("update"));
        }
        try (Session s = f.open()) {
            s.begin();
            s.getReference(Payment.class, card).setAmount(11);
            s.commit();
        }
        assertThat(InheritanceFixture.rows(f, "SELECT kind, amount, card_number FROM inh_payment WHERE id = " + card))
                .as("the subclass's columns, which the reference does not map, are left as they are")
                .containsExactly(List.of("card", 11L, "4111"));
    }
}
