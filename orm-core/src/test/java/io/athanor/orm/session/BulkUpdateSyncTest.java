package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.model.bulk.Clerk;
import io.athanor.orm.model.bulk.Town;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk update synchronizes the instances of its rows that the session holds: their fields and snapshots take
 * the written values, so the commit writes nothing more; pending changes to other fields are still written.
 * Bulk rows may set an owning to-one relationship, given the related instance or its key.
 */
class BulkUpdateSyncTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Town.class, Clerk.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** Two towns and five clerks of the first, the last four reporting to the first clerk. */
    private static List<Long> seed(SessionFactory f) {
        return f.inTransaction(s -> {
            Town ghent = new Town("Ghent");
            Town bruges = new Town("Bruges");
            s.add(ghent);
            s.add(bruges);
            List<Clerk> clerks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Clerk c = new Clerk("clerk " + i, "c" + i, 100, ghent);
                clerks.add(c);
                s.add(c);
            }
            s.flush();
            for (int i = 1; i < 5; i++) {
                clerks.get(i).setSuperior(clerks.get(0));
            }
            s.flush();
            List<Long> ids = new ArrayList<>(List.of(ghent.getId(), bruges.getId()));
            clerks.forEach(c -> ids.add(c.getId()));
            return ids;
        });
    }

    private static long updates(SqlRecorder sql) {
        return sql.statements().stream().filter(st -> st.sql().startsWith("UPDATE")).count();
    }

    @DatabaseTest
    void changedInstancesThatABulkUpdateWritesAreNotWrittenAgainByTheCommit(Engine engine) {
        SessionFactory f = fresh(engine);
        seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Clerk c : s.select(Clerk.class).list()) {
                c.setSalary(c.getSalary() + 10);
                rows.add(Map.of("id", c.getId(), "salary", c.getSalary()));
            }
            assertThat(s.bulkUpdateMappings(Clerk.class, rows)).isEqualTo(5);
            s.commit();
            assertThat(updates(sql)).isEqualTo(1); // the bulk update's one batch, nothing at commit
        }
        try (Session s = f.open()) {
            assertThat(s.select(Clerk.class).list()).extracting(Clerk::getSalary).containsOnly(110);
        }
    }

    @DatabaseTest
    void heldInstancesTakeTheWrittenValuesAndKeepTheirOtherPendingChanges(Engine engine) {
        SessionFactory f = fresh(engine);
        List<Long> ids = seed(f);
        Long first = ids.get(2);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Clerk c = s.get(Clerk.class, first);
            c.setName("renamed");
            c.setSalary(1);
            s.bulkUpdateMappings(Clerk.class, List.of(Map.of("id", first, "salary", 250)));
            assertThat(c.getSalary()).isEqualTo(250); // the written value wins over the pending change
            assertThat(c.getName()).isEqualTo("renamed");
            sql.clear();
            s.commit();
            assertThat(sql.statements()).filteredOn(st -> st.sql().startsWith("UPDATE")).singleElement()
                    .satisfies(st -> assertThat(st.sql()).contains("name").doesNotContain("salary"));
        }
        try (Session s = f.open()) {
            Clerk c = s.get(Clerk.class, first);
            assertThat(c.getName()).isEqualTo("renamed");
            assertThat(c.getSalary()).isEqualTo(250);
        }
    }

    @DatabaseTest
    void aRelationshipIsSetByItsInstanceOrItsKeyAndTheHeldInstancesFollow(Engine engine) {
        SessionFactory f = fresh(engine);
        List<Long> ids = seed(f);
        Long brugesId = ids.get(1);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Town bruges = s.get(Town.class, brugesId);
            Clerk byInstance = s.get(Clerk.class, ids.get(3));
            Clerk byKey = s.get(Clerk.class, ids.get(4));
            Clerk noSuperior = s.get(Clerk.class, ids.get(5));
            Map<String, Object> cleared = new HashMap<>();
            cleared.put("id", ids.get(5));
            cleared.put("superior", null);
            assertThat(s.bulkUpdateMappings(Clerk.class, List.of(
                    Map.of("id", ids.get(3), "town", bruges),
                    Map.of("id", ids.get(4), "town", brugesId),
                    cleared))).isEqualTo(3);
            assertThat(byInstance.getTown()).isSameAs(bruges);
            assertThat(byKey.getTown()).isSameAs(bruges);
            assertThat(noSuperior.getSuperior()).isNull();
            sql.clear();
            s.commit();
            assertThat(updates(sql)).isZero();
        }
        try (Session s = f.open()) {
            assertThat(s.get(Clerk.class, ids.get(3)).getTown().getName()).isEqualTo("Bruges");
            assertThat(s.get(Clerk.class, ids.get(4)).getTown().getName()).isEqualTo("Bruges");
            assertThat(s.get(Clerk.class, ids.get(5)).getSuperior()).isNull();
            assertThat(s.get(Clerk.class, ids.get(6)).getSuperior().getId()).isEqualTo(ids.get(2));
        }
    }

    @DatabaseTest
    void aRollbackPutsTheHeldInstancesBackAsTheDatabaseHasThem(Engine engine) {
        SessionFactory f = fresh(engine);
        List<Long> ids = seed(f);
        try (Session s = f.open()) {
            Clerk c = s.get(Clerk.class, ids.get(2));
            s.bulkUpdateMappings(Clerk.class, List.of(Map.of("id", ids.get(2), "salary", 999)));
            assertThat(c.getSalary()).isEqualTo(999);
            s.rollback();
            assertThat(s.get(Clerk.class, ids.get(2)).getSalary()).isEqualTo(100);
        }
    }

    @DatabaseTest
    void whatBulkRowsCannotSetIsRefusedWithTheReason(Engine engine) {
        SessionFactory f = fresh(engine);
        List<Long> ids = seed(f);
        try (Session s = f.open()) {
            assertThatThrownBy(() -> s.bulkUpdateMappings(Town.class, List.of(Map.of("id", ids.get(0), "clerks", List.of()))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("'clerks', a one-to-many collection, which bulk rows cannot set")
                    .hasMessageContaining("owning to-one relationships");
            assertThatThrownBy(() -> s.bulkUpdateMappings(Clerk.class, List.of(Map.of("id", ids.get(2), "town", "Bruges"))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("Clerk.town, a relationship to Town: give a Town or its key (a Long)");
            assertThatThrownBy(() -> s.bulkUpdateMappings(Clerk.class, List.of(Map.of("id", ids.get(2), "town_id", 1L))))
                    .isInstanceOf(AthanorException.class)
                    .hasMessageContaining("'town_id', which is not one of its fields")
                    .hasMessageContaining("town")
                    .hasMessageContaining("superior");
            assertThatThrownBy(() -> s.bulkInsertMappings(Clerk.class, List.of(Map.of("name", "x", "code", "x",
                    "town", new Town("unsaved"))))).isInstanceOf(AthanorException.class)
                    .hasMessageContaining("Clerk.town to a Town that has no key yet");
            s.rollback();
        }
    }
}
