package io.athanor.orm.test;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import java.util.List;
import java.util.Map;

class SqlRecorderTest {

    @DatabaseTest
    void recordsStatementsInOrderWithParametersBatchesAndFailures(TestDatabase db) {
        Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
        try (SqlRecorder sql = SqlRecorder.attach(engine)) {
            try (Connection c = engine.connect()) {
                c.execute(text("create table rec (id int primary key)"));
                c.executeBatch(text("insert into rec (id) values (:id)"), List.of(Params.of("id", 1), Params.of("id", 2)));
                c.execute(text("select id from rec where id = :id"), Params.of("id", 2));
                try {
                    c.execute(text("insert into rec (id) values (1)"));
                } catch (RuntimeException expected) {
                    c.rollback();
                }
            }
            assertThat(sql.count()).isEqualTo(4);
            assertThat(sql.sql()).containsExactly("create table rec (id int primary key)", "insert into rec (id) values (?)",
                    "select id from rec where id = ?", "insert into rec (id) values (1)");
            RecordedStatement batch = sql.statements().get(1);
            assertThat(batch.batch()).isTrue();
            assertThat(batch.batchSize()).isEqualTo(2);
            assertThat(batch.parameters()).containsExactly(1);
            assertThat(sql.statements().get(2).rowCount()).isEqualTo(1);
            assertThat(sql.statements().get(3).failed()).isTrue();

            sql.clear();
            assertThat(sql.count()).isZero();
        }
        SqlRecorder stopped = SqlRecorder.attach(engine);
        stopped.close();
        try (Connection c = engine.connect()) {
            c.execute(text("select 1"), Map.of());
        }
        assertThat(stopped.count()).isZero();
    }
}
