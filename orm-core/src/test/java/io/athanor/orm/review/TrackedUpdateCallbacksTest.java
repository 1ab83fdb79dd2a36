package io.athanor.orm.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.model.tracked.Note;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;

/**
 * An enhanced, versioned class with an update time and a {@code PreUpdate} callback that writes a field: rows
 * that changed different columns share one UPDATE, what the callback sets is written with it, and nothing is
 * written again by later flushes.
 */
class TrackedUpdateCallbacksTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Note.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            s.add(new Note(1, "t1", "b1"));
            s.add(new Note(2, "t2", "b2"));
        });
        return f;
    }

    @DatabaseTest
    void callbackWritesJoinTheUnionUpdateAndAreWrittenOnce(Engine engine) {
        assertThat(EntityEnhancer.isEnhanced(Note.class)).isTrue();
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            Note one = s.get(Note.class, 1L);
            Note two = s.get(Note.class, 2L);
            one.setTitle("t1'");
            two.setBody("b2'");
            s.flush();
            assertThat(one.getEdits()).isEqualTo(1);
            assertThat(two.getEdits()).isEqualTo(1);
            assertThat(one.getVersion()).isEqualTo(1L);
            try (SqlRecorder sql = SqlRecorder.attach(engine)) {
                s.flush();
                s.commit();
                assertThat(sql.sql()).noneMatch(q -> q.toUpperCase().startsWith("UPDATE"));
            }
            assertThat(one.getVersion()).isEqualTo(1L);
            assertThat(one.getEdits()).isEqualTo(1);
        }
        try (Session s = f.open()) {
            Note one = s.get(Note.class, 1L);
            Note two = s.get(Note.class, 2L);
            assertThat(one.getTitle()).isEqualTo("t1'");
            assertThat(two.getBody()).isEqualTo("b2'");
            assertThat(one.getEdits()).isEqualTo(1);
            assertThat(two.getEdits()).isEqualTo(1);
            assertThat(one.getVersion()).isEqualTo(1L);
            assertThat(two.getVersion()).isEqualTo(1L);
            assertThat(one.getTouched()).isNotNull();
            assertThat(two.getTouched()).isNotNull();
        }
    }
}
