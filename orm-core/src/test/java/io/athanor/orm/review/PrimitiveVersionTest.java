package io.athanor.orm.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.test.DatabaseTest;

/**
 * A new instance with an assigned key and a primitive version is inserted by add(): a primitive version holds 0
 * before any save, so it does not make the instance look saved.
 */
class PrimitiveVersionTest {

    @DatabaseTest
    void aNewInstanceWithAnAssignedKeyIsInsertedAndThenUpdated(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(RvCounter.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> s.add(new RvCounter(7)));
        try (Session s = f.open()) {
            RvCounter c = s.get(RvCounter.class, 7L);
            assertThat(c.version).isEqualTo(0L);
            c.hits = 3;
            s.commit();
            assertThat(c.version).isEqualTo(1L);
        }
        try (Session s = f.open()) {
            assertThat(s.get(RvCounter.class, 7L).hits).isEqualTo(3);
        }
    }
}
