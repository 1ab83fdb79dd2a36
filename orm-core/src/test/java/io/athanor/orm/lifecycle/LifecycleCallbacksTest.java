package io.athanor.orm.lifecycle;

import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.MappingException;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.PostLoad;
import io.athanor.orm.annotations.PrePersist;
import io.athanor.orm.annotations.PreUpdate;
import io.athanor.orm.dialect.H2Dialect;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.meta.MetadataBuilder;
import io.athanor.orm.model.lifecycle.Journal;
import io.athanor.orm.model.lifecycle.Journal_;
import io.athanor.orm.model.lifecycle.Page;
import io.athanor.orm.model.lifecycle.Page_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * JPA's lifecycle callbacks on entity methods, inherited from a plain superclass: when each runs (at add and
 * delete, with cascades; around the flush's statements; after every kind of load), that what PreUpdate sets is
 * written by the same UPDATE, and that a callback that throws fails the flush with the database left as it was.
 */
class LifecycleCallbacksTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Journal.class, Page.class)
                .nPlusOne(io.athanor.orm.NPlusOne.OFF).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static long saved(SessionFactory f, String title, int pages) {
        Journal j = new Journal(title);
        for (int i = 1; i <= pages; i++) {
            j.page(i);
        }
        f.runInTransaction(s -> s.add(j));
        return j.id;
    }

    @DatabaseTest
    void prePersistRunsAtAddBeforeTheKeyIsGeneratedAndPostPersistAfterTheInsert(Engine engine) {
        SessionFactory f = fresh(engine);
        long id;
        try (Session s = f.open()) {
            Journal j = new Journal("Field Notes");
            Page p = j.page(1);
            s.add(j);
            assertThat(j.calls).containsExactly("PrePersist:null");
            assertThat(p.calls).containsExactly("PrePersist:null"); // reached by the cascade
            assertThat(j.slug).isEqualTo("field-notes");
            s.commit();
            assertThat(j.calls).containsExactly("PrePersist:null", "PostPersist:" + j.id);
            assertThat(p.calls).containsExactly("PrePersist:null", "PostPersist:" + p.id);
            id = j.id;
        }
        try (Session s = f.open()) {
            assertThat(s.get(Journal.class, id).slug).isEqualTo("field-notes");
        }
    }

    @DatabaseTest
    void whatPreUpdateSetsIsWrittenByTheSameUpdate(Engine engine) {
        SessionFactory f = fresh(engine);
        long id = saved(f, "Old Title", 0);
        saved(f, "Untouched", 0);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Journal> all = s.select(Journal.class).orderBy(Journal_.id).list();
            Journal j = all.get(0);
            j.title = "New Title";
            sql.clear();
            s.flush();
            assertThat(sql.sql()).hasSize(1);
            assertThat(sql.sql().get(0)).startsWith("UPDATE").contains("slug");
            assertThat(j.calls).containsExactly("PostLoad:" + id, "PreUpdate:" + id, "PostUpdate:" + id);
            assertThat(all.get(1).calls).containsExactly("PostLoad:" + all.get(1).id); // not changed: no update callbacks
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Journal.class, id).slug).isEqualTo("new-title");
        }
    }

    @DatabaseTest
    void preRemoveRunsAtDeleteWithItsCascadeAndPostRemoveAfterTheDelete(Engine engine) {
        SessionFactory f = fresh(engine);
        long id = saved(f, "Doomed", 2);
        try (Session s = f.open()) {
            Journal j = s.get(Journal.class, id);
            List<Page> pages = List.copyOf(j.getPages());
            s.delete(j);
            assertThat(j.calls).containsExactly("PostLoad:" + id, "PreRemove:" + id);
            for (Page p : pages) {
                assertThat(p.calls).containsExactly("PostLoad:" + p.id, "PreRemove:" + p.id);
            }
            s.flush();
            assertThat(j.calls).endsWith("PostRemove:" + id);
            for (Page p : pages) {
                assertThat(p.calls).endsWith("PostRemove:" + p.id);
            }
            s.commit();
        }
    }

    @DatabaseTest
    void postLoadRunsForEveryWayARowIsLoaded(Engine engine) {
        SessionFactory f = fresh(engine);
        long id = saved(f, "Loaded", 2);
        try (Session s = f.open()) {
            assertThat(s.get(Journal.class, id).calls).containsExactly("PostLoad:" + id);
        }
        try (Session s = f.open()) {
            assertThat(s.select(Journal.class).one().calls).containsExactly("PostLoad:" + id);
        }
        try (Session s = f.open()) { // a lazy collection, and a lazy reference whose row is read on first use
            Journal j = s.get(Journal.class, id);
            assertThat(j.getPages()).allSatisfy(p -> assertThat(p.calls).containsExactly("PostLoad:" + p.id));
        }
        try (Session s = f.open()) {
            Page p = s.select(Page.class).where(Page_.number.eq(1)).one();
            Journal j = p.getJournal(); // a lazy reference: its row is read on first use
            assertThat(j.getPages()).hasSize(2);
            assertThat(j.calls).containsExactly("PostLoad:" + id);
        }
        for (BiFunction<Session, Long, List<Journal>> strategy : List.<BiFunction<Session, Long, List<Journal>>>of(
                (s, k) -> s.select(Journal.class).options(joinedLoad(Journal_.pages)).list(),
                (s, k) -> s.select(Journal.class).options(selectinLoad(Journal_.pages)).list(),
                (s, k) -> s.select(Journal.class).options(subqueryLoad(Journal_.pages)).list())) {
            try (Session s = f.open()) {
                Journal j = strategy.apply(s, id).get(0);
                assertThat(j.calls).containsExactly("PostLoad:" + id);
                assertThat(j.getPages()).hasSize(2)
                        .allSatisfy(p -> assertThat(p.calls).containsExactly("PostLoad:" + p.id));
            }
        }
        try (Session s = f.open()) {
            Journal j = s.get(Journal.class, id);
            j.calls.clear();
            s.refresh(j);
            assertThat(j.calls).containsExactly("PostLoad:" + id);
        }
    }

    @DatabaseTest
    void aCallbackThatThrowsFailsTheFlushAndLeavesTheDatabaseAsItWas(Engine engine) {
        SessionFactory f = fresh(engine);
        long id = saved(f, "Kept", 1);
        for (String failing : List.of("PreUpdate", "PostUpdate")) {
            try (Session s = f.open()) {
                Journal j = s.get(Journal.class, id);
                j.title = "Changed";
                j.failIn = failing;
                assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(failing);
                s.rollback();
            }
        }
        try (Session s = f.open()) {
            Journal j = new Journal("Never");
            j.failIn = "PostPersist";
            s.add(j);
            assertThatThrownBy(s::flush).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("PostPersist");
            s.rollback();
        }
        try (Session s = f.open()) {
            Journal j = s.get(Journal.class, id);
            j.getPages().get(0).failIn = "PostRemove";
            s.delete(j);
            assertThatThrownBy(s::flush).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("PostRemove");
            s.rollback();
        }
        try (Session s = f.open()) {
            Journal j = new Journal("Refused");
            j.failIn = "PrePersist";
            assertThatThrownBy(() -> s.add(j)).isInstanceOf(IllegalStateException.class);
            s.commit();
        }
        try (Session s = f.open()) {
            List<Journal> all = s.select(Journal.class).list();
            assertThat(all).extracting(j -> j.title).containsExactly("Kept");
            assertThat(all.get(0).slug).isEqualTo("kept");
            assertThat(s.select(Page.class).list()).hasSize(1);
        }
    }

    @Entity
    static class WithParameter {
        @Id
        Long id;

        @PrePersist
        void stamp(Object other) {
        }
    }

    @Entity
    static class WithStatic {
        @Id
        Long id;

        @PostLoad
        static void loaded() {
        }
    }

    @Entity
    static class WithTwo {
        @Id
        Long id;

        @PreUpdate
        void one() {
        }

        @PreUpdate
        void two() {
        }
    }

    @Test
    void callbackMethodsThatCannotBeCalledAreRefusedAtStartUp() {
        assertThatThrownBy(() -> MetadataBuilder.build(List.of(WithParameter.class, WithStatic.class, WithTwo.class),
                H2Dialect.INSTANCE))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Callback method " + WithParameter.class.getName() + ".stamp() has 1 parameter(s); "
                        + "it must take no parameter")
                .hasMessageContaining("Callback method " + WithStatic.class.getName() + ".loaded() is static")
                .hasMessageContaining(WithTwo.class.getName() + " has more than one @PreUpdate method");
    }
}
