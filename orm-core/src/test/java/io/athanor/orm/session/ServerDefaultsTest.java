package io.athanor.orm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.uow.Ticket;
import io.athanor.orm.model.uow.Ticket_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.stream.Collectors;

/** A null field whose column has a server default is left out of the INSERT, and the flush reads the default back. */
class ServerDefaultsTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Ticket.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    @DatabaseTest
    void theFlushWritesTheDefaultsBackToTheInstances(Engine engine) {
        SessionFactory f = factory(engine);
        List<Ticket> tickets = List.of(new Ticket("a"), new Ticket("b"), new Ticket("c"));
        tickets.get(2).setStatus("closed");
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            s.begin();
            tickets.forEach(s::add);
            s.flush();
            assertThat(tickets).allMatch(t -> t.getOpenedAt() != null && t.getPriority() == 3);
            assertThat(tickets).extracting(Ticket::getStatus).containsExactly("open", "open", "closed");
            List<String> statements = sql.sql();
            assertThat(statements.stream().filter(q -> q.startsWith("INSERT")).collect(Collectors.toList()))
                    .as("one batch per set of columns given").hasSize(2)
                    .allMatch(q -> !q.contains("opened_at") && !q.contains("priority"));
            assertThat(statements.stream().filter(q -> q.startsWith("SELECT")))
                    .as("values come back with the INSERT where the driver can return any column (PostgreSQL, H2); "
                            + "otherwise one read-back per batch (MariaDB)")
                    .hasSize(f.dialect().returnsInsertedColumns() ? 0 : 2);
            sql.clear();
            s.commit();
            assertThat(sql.sql()).as("the defaults read back are not changes").noneMatch(q -> q.startsWith("UPDATE"));
        }
        try (Session s = f.open()) {
            Ticket a = s.select(Ticket.class).where(Ticket_.title.eq("a")).one();
            assertThat(a.getOpenedAt()).isEqualTo(tickets.get(0).getOpenedAt());
            assertThat(a.getStatus()).isEqualTo("open");
        }
    }

    @DatabaseTest
    void aValueGivenIsWrittenAndTheDefaultIgnored(Engine engine) {
        SessionFactory f = factory(engine);
        f.runInTransaction(s -> {
            Ticket t = new Ticket("x");
            t.setStatus("triage");
            s.add(t);
        });
        try (Session s = f.open()) {
            assertThat(s.select(Ticket.class).one().getStatus()).isEqualTo("triage");
        }
    }

    @DatabaseTest
    void undoingTheInsertPutsTheNullsBackSoTheDefaultsApplyAgain(Engine engine) {
        SessionFactory f = factory(engine);
        Ticket first = new Ticket("first");
        try (Session s = f.open()) {
            s.begin();
            s.add(first);
            s.flush();
            assertThat(first.getStatus()).isEqualTo("open");
            s.rollback();
        }
        assertThat(first.getStatus()).as("rolled back").isNull();
        assertThat(first.getOpenedAt()).isNull();

        Ticket defaulted = new Ticket("defaulted");
        Ticket broken = new Ticket(null);
        broken.setStatus("closed");
        try (Session s = f.open()) {
            s.begin();
            s.add(defaulted);
            s.add(broken);
            org.assertj.core.api.Assertions.assertThatThrownBy(s::flush)
                    .isInstanceOf(io.athanor.orm.error.NotNullViolationException.class);
            assertThat(defaulted.getStatus()).as("its batch ran before the failing one; the failed flush undid it").isNull();
            s.rollback();
        }
        f.runInTransaction(s -> s.add(first));
        assertThat(first.getStatus()).isEqualTo("open");
    }

    @DatabaseTest
    void aDecimalKeyThatComesBackWithItsScaleStillFindsItsRow(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(io.athanor.orm.model.uow.Voucher.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        io.athanor.orm.model.uow.Voucher v = new io.athanor.orm.model.uow.Voucher(new java.math.BigDecimal("7"));
        f.runInTransaction(s -> s.add(v));
        assertThat(v.getState()).isEqualTo("new");
    }
}
