package io.athanor.orm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.jpa.Ticket;
import io.athanor.orm.test.DatabaseTest;

/**
 * Jakarta Persistence's lifecycle annotations and {@code @EntityListeners} work as Athanor's own: one method may
 * carry several kinds, a listener's methods take the entity.
 */
class JakartaCallbacksTest {

    @DatabaseTest
    void jakartaCallbacksAndListenersRun(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Ticket.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        Ticket t = new Ticket("printer jam");
        try (Session s = f.open()) {
            s.add(t);
            assertThat(t.getSearchKey()).isEqualTo("PRINTER JAM");
            s.commit();
            assertThat(t.getEvents()).containsExactly("index", "written " + t.getId());
        }
        try (Session s = f.open()) {
            Ticket loaded = s.get(Ticket.class, t.getId());
            loaded.setSubject("paper jam");
            s.flush();
            assertThat(loaded.getEvents()).containsExactly("loaded", "index", "written " + t.getId());
            s.delete(loaded);
            s.commit();
            assertThat(loaded.getEvents()).endsWith("removing", "removed " + t.getId());
        }
        try (Session s = f.open()) {
            assertThat(s.get(Ticket.class, t.getId())).isNull();
        }
    }
}
