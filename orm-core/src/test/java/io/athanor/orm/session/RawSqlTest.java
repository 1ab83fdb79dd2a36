package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.uow.Ticket;
import io.athanor.orm.test.DatabaseTest;
import java.util.Map;

/** Raw SQL through a session: with or without parameters, in the session's transaction. */
class RawSqlTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Ticket.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void sqlWithoutParametersRunsInTheSessionsTransaction(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.execute(Text.text("insert into tickets (title, status, priority) values ('raw', 'open', 1)"));
            long inside = s.execute(Text.text("select count(*) from tickets")).scalar(Long.class);
            assertThat(inside).as("the session sees its own uncommitted row").isEqualTo(1);
            s.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.execute(Text.text("select count(*) from tickets")).scalar(Long.class))
                    .as("rolled back with the session's transaction").isZero();
            s.execute(Text.text("insert into tickets (title, status, priority) values (:t, 'open', 2)"), Map.of("t", "kept"));
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.execute(Text.text("select title from tickets")).scalar(String.class)).isEqualTo("kept");
        }
    }
}
