package io.athanor.orm.session;

import static io.athanor.orm.query.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.BulkMode;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.model.loading.Shelf;
import io.athanor.orm.model.loading.Volume;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BulkMode.COPY is one statement to the engine's events, with its row count, like any other. */
class BulkCopyEventsTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Shelf.class, Volume.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void copyIsRecordedAsOneStatementWithItsRowCount(Engine engine) {
        SessionFactory f = fresh(engine);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = 1; i <= 1_500; i++) {
            rows.add(Map.of("id", i, "label", "shelf " + i));
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThat(s.bulkInsertMappings(Shelf.class, rows, BulkMode.COPY)).isEqualTo(1_500);
            s.commit();
            assertThat(sql.statements()).singleElement().satisfies(st -> {
                assertThat(st.sql()).isEqualTo("COPY shelves (id, label) FROM STDIN (FORMAT csv)");
                assertThat(st.rowCount()).isEqualTo(1_500);
                assertThat(st.failed()).isFalse();
            });
            assertThat(s.select(count()).from(Shelf.class).scalar(Long.class)).isEqualTo(1_500L);
        }
    }

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void aCopyTheDatabaseRejectsIsADatabaseErrorNamingTheStatement(Engine engine) {
        SessionFactory f = fresh(engine);
        List<Map<String, Object>> duplicates = List.of(Map.of("id", 1L, "label", "a"), Map.of("id", 1L, "label", "b"));
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            assertThatThrownBy(() -> s.bulkInsertMappings(Shelf.class, duplicates, BulkMode.COPY))
                    .isInstanceOf(DatabaseException.class)
                    .satisfies(e -> assertThat(((DatabaseException) e).sql())
                            .isEqualTo("COPY shelves (id, label) FROM STDIN (FORMAT csv)"));
            assertThat(sql.statements()).singleElement().satisfies(st -> assertThat(st.failed()).isTrue());
        }
    }
}
