package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.examples.docs.inheritance.CardPayment;
import io.athanor.examples.docs.inheritance.CardPayment_;
import io.athanor.examples.docs.inheritance.Payment;
import io.athanor.examples.docs.inheritance.Payment_;
import io.athanor.examples.docs.inheritance.WirePayment;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping guide's inheritance examples: a generic mapped superclass and a single-table hierarchy. */
class GuideInheritanceExamplesTest {

    @Test
    void aSingleTableHierarchyIsQueriedPolymorphically() {
        try (Engine engine = Engine.builder("h2:mem:guide_inheritance").build()) {
            SessionFactory sessions = SessionFactory.builder(engine)
                    .entities(Payment.class, CardPayment.class, WirePayment.class)
                    .build();
            sessions.schema().createAll();
            try {
                sessions.runInTransaction(s -> {
                    s.add(new CardPayment(10, "4111"));
                    s.add(new WirePayment(20, "DE01"));
                });
                try (Session session = sessions.open()) {
                    // tag::polymorphic[]
                    List<Payment> all = session.select(Payment.class).orderBy(Payment_.amount).list();
                    // [CardPayment, WirePayment]: one query, each row as its own class
                    List<CardPayment> cards = session.select(CardPayment.class).list();
                    // WHERE kind IN ('card')
                    List<Payment> byCard = session.select(Payment.class)
                            .where(CardPayment_.cardNumber.eq("4111")).list();
                    // a subclass's field in a query of the root
                    // end::polymorphic[]
                    assertThat(all).hasExactlyElementsOfTypes(CardPayment.class, WirePayment.class);
                    assertThat(cards).hasSize(1);
                    assertThat(byCard).containsExactly(cards.get(0));
                    assertThat(session.get(Payment.class, cards.get(0).getId())).isSameAs(cards.get(0));
                }
            } finally {
                sessions.schema().dropAll();
            }
        }
    }
}
