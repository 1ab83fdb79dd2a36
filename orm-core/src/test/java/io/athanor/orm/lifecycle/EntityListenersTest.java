package io.athanor.orm.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.EntityListeners;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.PostLoad;
import io.athanor.orm.annotations.PostPersist;
import io.athanor.orm.annotations.PrePersist;
import io.athanor.orm.annotations.PreUpdate;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.model.lifecycle.Invoice;
import io.athanor.orm.model.lifecycle.Journal;
import io.athanor.orm.model.lifecycle.Page;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Listener classes named by {@code @EntityListeners} and listeners registered on the factory: their methods take
 * the entity, run in order (factory, entity listeners, the entity's own methods), only for the entities their
 * parameter accepts, and what a PreUpdate listener sets is written by the same UPDATE.
 */
class EntityListenersTest {

    /** A factory-wide listener: notes every entity it sees, and invoices on their own trail. */
    static final class Everything {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @PrePersist
        void added(Object entity) {
            seen.add("PrePersist " + entity.getClass().getSimpleName());
        }

        @PostPersist
        void inserted(Invoice invoice) { // invoices only
            invoice.trail.add("factory:PostPersist");
        }

        @PreUpdate
        void changing(Invoice invoice) {
            invoice.trail.add("factory:PreUpdate");
        }

        @PostLoad
        void loaded(Journal journal) { // journals only: never called for an invoice
            seen.add("PostLoad Journal");
        }
    }

    private static SessionFactory fresh(Engine engine, Everything everything) {
        SessionFactory f = SessionFactory.builder(engine).entities(Invoice.class, Journal.class, Page.class)
                .entityListener(everything).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void listenersRunInOrderForTheEntitiesTheyAccept(Engine engine) {
        Everything everything = new Everything();
        SessionFactory f = fresh(engine, everything);
        Invoice invoice = new Invoice(new BigDecimal("10.00"));
        try (Session s = f.open()) {
            s.add(invoice);
            s.add(new Journal("J"));
            s.commit();
        }
        assertThat(everything.seen).containsExactly("PrePersist Invoice", "PrePersist Journal");
        assertThat(invoice.trail).containsExactly("factory:PostPersist", "audit:PostPersist");
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Invoice loaded = s.get(Invoice.class, invoice.id);
            s.get(Journal.class, 1L);
            assertThat(loaded.trail).containsExactly("audit:PostLoad", "own:PostLoad");
            loaded.trail.clear();
            loaded.amount = new BigDecimal("12.50");
            sql.clear();
            s.commit();
            assertThat(loaded.trail).containsExactly("factory:PreUpdate", "audit:PreUpdate", "own:PreUpdate");
            assertThat(sql.sql()).hasSize(1);
            assertThat(sql.sql().get(0)).startsWith("UPDATE").contains("revision");
        }
        assertThat(everything.seen).endsWith("PostLoad Journal").doesNotContain("PostLoad Invoice");
        try (Session s = f.open()) {
            assertThat(s.get(Invoice.class, invoice.id).revision).isEqualTo(1);
        }
    }

    static class NoConstructor {
        NoConstructor(String required) {
        }

        @PrePersist
        void added(Object entity) {
        }
    }

    static class ForPages {
        @PrePersist
        void added(Page page) {
        }
    }

    @Entity
    @EntityListeners({NoConstructor.class, ForPages.class})
    static class Misheard {
        @Id
        Long id;
    }

    static class Idle {
        void nothing(Object entity) {
        }
    }

    @Test
    void listenersThatCannotBeCalledAreRefusedAtStartUp() {
        assertThatThrownBy(() -> MetadataBuilder.build(List.of(Misheard.class), H2Dialect.INSTANCE, List.of(new Idle()),
                Clock.systemUTC()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Entity listener " + NoConstructor.class.getName() + " has no no-argument constructor")
                .hasMessageContaining("Entity listener method " + ForPages.class.getName() + ".added(Page) takes a "
                        + Page.class.getName() + ", but " + Misheard.class.getName() + " names the listener")
                .hasMessageContaining("Entity listener " + Idle.class.getName() + " has no callback method");
    }
}
