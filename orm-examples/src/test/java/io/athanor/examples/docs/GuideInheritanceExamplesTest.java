package io.athanor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.examples.docs.inheritance.CardPayment;
import io.athanor.examples.docs.inheritance.CardPayment_;
import io.athanor.examples.docs.inheritance.Payment;
import io.athanor.examples.docs.inheritance.Payment_;
import io.athanor.examples.docs.inheritance.WirePayment;
import io.athanor.examples.docs.joined.Book;
import io.athanor.examples.docs.joined.Book_;
import io.athanor.examples.docs.joined.Magazine;
import io.athanor.examples.docs.joined.Publication;
import io.athanor.examples.docs.joined.Publication_;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping guide's inheritance examples: a generic mapped superclass, a single-table and a joined hierarchy. */
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

    @Test
    void aJoinedHierarchyIsQueriedPolymorphicallyAndWrittenTableByTable() {
        try (Engine engine = Engine.builder("h2:mem:guide_joined").build()) {
            SessionFactory sessions = SessionFactory.builder(engine)
                    .entities(Publication.class, Book.class, Magazine.class)
                    .build();
            sessions.schema().createAll();
            try {
                sessions.runInTransaction(s -> {
                    s.add(new Book("Dune", "978-0441013593"));
                    s.add(new Magazine("Wired", 7));
                });
                try (Session session = sessions.open()) {
                    // tag::joined[]
                    List<Publication> all = session.select(Publication.class).orderBy(Publication_.title).list();
                    // [Book, Magazine]: publications LEFT OUTER JOIN books, magazines; each row as its own class
                    List<Book> books = session.select(Book.class).where(Book_.isbn.like("978%")).list();
                    // publications JOIN books
                    // end::joined[]
                    assertThat(all).hasExactlyElementsOfTypes(Book.class, Magazine.class);
                    assertThat(books).containsExactly((Book) all.get(0));
                }
                // a failed INSERT into books leaves no row in publications: the flush is rolled back as a whole
                Book broken = new Book("No ISBN", null);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.runInTransaction(s -> s.add(broken)))
                        .isInstanceOf(io.athanor.orm.error.AthanorException.class);
                try (Session session = sessions.open()) {
                    assertThat(session.select(Publication.class).list()).hasSize(2);
                }
            } finally {
                sessions.schema().dropAll();
            }
        }
    }
}
