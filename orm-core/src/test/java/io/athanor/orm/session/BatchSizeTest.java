package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.ConfigurationException;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.bulk.Clerk;
import io.athanor.orm.model.bulk.Town;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.RecordedStatement;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The factory's and the session's batch size split a statement's rows into JDBC batches of at most that many,
 * in order, for the flush and the bulk operations; a batch that fails rolls back the batches before it.
 */
class BatchSizeTest {

    private static SessionFactory fresh(Engine engine, int batchSize) {
        SessionFactory f = SessionFactory.builder(engine).entities(Town.class, Clerk.class).batchSize(batchSize).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    private static Town town(SessionFactory f) {
        return f.inTransaction(s -> {
            Town t = new Town("Ghent");
            s.add(t);
            return t;
        });
    }

    /** The batch sizes of the recorded statements that start with {@code prefix}. */
    private static List<Integer> batches(SqlRecorder sql, String prefix) {
        List<Integer> sizes = new ArrayList<>();
        for (RecordedStatement st : sql.statements()) {
            if (st.sql().startsWith(prefix)) {
                assertThat(st.batch()).as(st.sql()).isTrue();
                sizes.add(st.batchSize());
            }
        }
        return sizes;
    }

    private static long clerks(SessionFactory f) {
        try (Session s = f.open()) {
            return s.select(count()).from(Clerk.class).scalar(Long.class);
        }
    }

    @DatabaseTest
    void theFlushSendsInsertsUpdatesAndDeletesInBatchesOfTheFactorysSize(Engine engine) {
        SessionFactory f = fresh(engine, 3);
        Town ghent = town(f);
        List<Clerk> added = new ArrayList<>();
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Town t = s.get(Town.class, ghent.getId());
            for (int i = 0; i < 10; i++) {
                Clerk c = new Clerk("clerk " + i, "c" + i, 100 + i, t);
                added.add(c);
                s.add(c);
            }
            s.commit();
            assertThat(batches(sql, "INSERT INTO bulk_clerks")).containsExactly(3, 3, 3, 1);
        }
        try (Session s = f.open()) { // each generated key went to its own instance across the batches
            for (Clerk c : added) {
                assertThat(s.get(Clerk.class, c.getId()).getCode()).isEqualTo(c.getCode());
            }
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            for (Clerk c : s.select(Clerk.class).list()) {
                c.setSalary(c.getSalary() + 1);
            }
            s.flush();
            assertThat(batches(sql, "UPDATE bulk_clerks")).containsExactly(3, 3, 3, 1);
            for (Clerk c : s.select(Clerk.class).list()) {
                s.delete(c);
            }
            s.commit();
            assertThat(batches(sql, "DELETE FROM bulk_clerks")).containsExactly(3, 3, 3, 1);
        }
        assertThat(clerks(f)).isZero();
    }

    @DatabaseTest
    void aSessionsBatchSizeOverridesTheFactorysForBulkOperationsToo(Engine engine) {
        SessionFactory f = fresh(engine, 100);
        Town ghent = town(f);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(Map.of("name", "clerk " + i, "code", "c" + i, "salary", i, "town", ghent.getId()));
        }
        try (Session s = f.open(SessionOptions.defaults().withBatchSize(4)); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThat(s.bulkInsertMappings(Clerk.class, rows)).isEqualTo(10);
            assertThat(batches(sql, "INSERT INTO bulk_clerks")).containsExactly(4, 4, 2);
            List<Map<String, Object>> updates = new ArrayList<>();
            for (Clerk c : s.select(Clerk.class).list()) {
                updates.add(Map.of("id", c.getId(), "salary", 7));
            }
            assertThat(s.bulkUpdateMappings(Clerk.class, updates)).isEqualTo(10);
            assertThat(batches(sql, "UPDATE bulk_clerks")).containsExactly(4, 4, 2);
            s.commit();
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) { // the factory's size: one batch
            List<Map<String, Object>> updates = new ArrayList<>();
            for (Clerk c : s.select(Clerk.class).list()) {
                updates.add(Map.of("id", c.getId(), "salary", 8));
            }
            assertThat(s.bulkUpdateMappings(Clerk.class, updates)).isEqualTo(10);
            assertThat(batches(sql, "UPDATE bulk_clerks")).containsExactly(10);
            s.rollback();
        }
    }

    @DatabaseTest
    void aFlushWhoseThirdBatchFailsLeavesNoRowOfTheEarlierBatches(Engine engine) {
        SessionFactory f = fresh(engine, 3);
        Town ghent = town(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Town t = s.get(Town.class, ghent.getId());
            for (int i = 0; i < 9; i++) {
                s.add(new Clerk("clerk " + i, i == 7 ? "c0" : "c" + i, i, t)); // the 8th repeats the 1st's code
            }
            assertThatThrownBy(s::commit).isInstanceOf(DatabaseException.class);
            List<RecordedStatement> inserts = sql.statements().stream()
                    .filter(st -> st.sql().startsWith("INSERT INTO bulk_clerks")).toList();
            assertThat(inserts).extracting(RecordedStatement::failed).containsExactly(false, false, true);
            s.rollback();
        }
        assertThat(clerks(f)).isZero();
    }

    @DatabaseTest
    void aBulkInsertWhoseThirdBatchFailsLeavesNoRowAfterTheRollback(Engine engine) {
        SessionFactory f = fresh(engine, 3);
        Town ghent = town(f);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(Map.of("name", "clerk " + i, "code", i == 7 ? "c0" : "c" + i, "town", ghent));
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> s.bulkInsertMappings(Clerk.class, rows)).isInstanceOf(DatabaseException.class);
            assertThat(sql.statements()).extracting(RecordedStatement::failed).containsExactly(false, false, true);
            s.rollback();
        }
        assertThat(clerks(f)).isZero();
    }

    @DatabaseTest
    void aBatchSizeBelowOneIsRefusedWithTheReason(Engine engine) {
        assertThatThrownBy(() -> SessionFactory.builder(engine).batchSize(0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("batchSize(0) must be at least 1");
        assertThatThrownBy(() -> SessionOptions.defaults().withBatchSize(-5))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SessionOptions.withBatchSize(-5) must be at least 1");
        assertThat(SessionOptions.defaults().withBatchSize(500).batchSize()).isEqualTo(500);
        assertThat(SessionOptions.defaults().batchSize()).isZero();
    }
}
