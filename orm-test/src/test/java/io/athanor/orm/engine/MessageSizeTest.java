package io.athanor.orm.engine;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.error.DatabaseException;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A failing statement's message stays readable whatever it carried: long values, long driver texts and
 * long lists of placeholders and parameters are cut, and the message says how much was left out.
 */
class MessageSizeTest {
    /** Far above what a readable message holds, far below what the inputs here would make uncut. */
    private static final int MAX_MESSAGE = 20_000;

    private static DatabaseException failure(Runnable statement) {
        try {
            statement.run();
        } catch (DatabaseException e) {
            return e;
        }
        throw new AssertionError("The statement succeeded");
    }

    @DatabaseTest
    void aMillionCharacterValueIsCutInTheMessage(TestDatabase db) {
        Engine engine = db.engine();
        engine.runInTransaction(c -> c.execute(text("create table if not exists sized (id int primary key, code varchar(40))")));
        String huge = "v".repeat(1_000_000);
        Text insert = text("insert into sized (id, code) values (:id, :code)");
        for (boolean batch : new boolean[] {false, true}) {
            DatabaseException e;
            try (Connection c = engine.connect()) {
                e = failure(batch
                        ? () -> c.executeBatch(insert, List.of(Map.of("id", 1, "code", huge)))
                        : () -> c.execute(insert, Map.of("id", 1, "code", huge)));
            }
            assertThat(e.getMessage().length()).as(batch ? "batch" : "single").isLessThan(MAX_MESSAGE);
            assertThat(e.getMessage()).contains("more characters").contains("SQL: insert into sized");
            assertThat(e.toString().length()).isLessThan(MAX_MESSAGE + 100);
        }
    }

    @DatabaseTest
    void aLongInListIsCutInTheMessageSayingHowManyParametersWereLeftOut(TestDatabase db) {
        List<Long> ids = new ArrayList<>();
        LongStream.range(0, 60_000).forEach(ids::add);
        DatabaseException e;
        try (Connection c = db.engine().connect()) {
            e = failure(() -> c.execute(text("select * from no_such_table_here where id in (:ids)"), Map.of("ids", ids)));
        }
        assertThat(e.getMessage().length()).isLessThan(MAX_MESSAGE);
        assertThat(e.getMessage()).contains("(59,950 more parameters)").contains("more placeholders)")
                .contains("no_such_table_here");
        assertThat(e.sql()).hasSizeGreaterThan(60_000 * 3);
        assertThat(e.parameters()).hasSize(60_000);
    }
}
