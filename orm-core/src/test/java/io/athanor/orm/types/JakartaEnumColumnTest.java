package io.athanor.orm.types;

import static io.athanor.orm.engine.Text.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * A Jakarta mapping of a PostgreSQL enum column: {@code @Enumerated(STRING)} with
 * {@code @Column(columnDefinition = ...)} binds as the column's type, as Athanor's {@code sqlType} does.
 */
class JakartaEnumColumnTest {

    enum Status {
        OPEN, CLOSED
    }

    @Entity
    @Table(name = "jakenum_ticket")
    static class Ticket {
        @Id
        Long id;
        @Enumerated(EnumType.STRING)
        @Column(columnDefinition = "jakenum_status")
        Status status;

        Ticket() {
        }

        Ticket(long id, Status status) {
            this.id = id;
            this.status = status;
        }
    }

    private static final Attribute<Ticket, Status> STATUS = new Attribute<>(Ticket.class, "status", Status.class);

    @DatabaseTest(DatabaseKind.POSTGRESQL)
    void enumByNameOnAnEnumColumnBindsAsTheColumnsType(Engine engine) {
        SessionFactory sessions = SessionFactory.builder(engine).entities(Ticket.class).build();
        sessions.schema().dropAll();
        engine.runInTransaction(c -> {
            c.execute(text("drop type if exists jakenum_status"));
            c.execute(text("create type jakenum_status as enum ('OPEN', 'CLOSED')"));
        });
        sessions.schema().createAll();
        sessions.inTransaction(s -> {
            s.add(new Ticket(1, Status.OPEN));
            s.add(new Ticket(2, null));
            return null;
        });
        sessions.inTransaction(s -> {
            s.get(Ticket.class, 2L).status = Status.CLOSED;
            return null;
        });
        try (Session s = sessions.open()) {
            assertThat(s.select(Ticket.class).where(STATUS.eq(Status.CLOSED)).list()).extracting(t -> t.id).containsExactly(2L);
            assertThat(s.select(Ticket.class).where(STATUS.in(List.of(Status.OPEN))).list()).extracting(t -> t.id)
                    .containsExactly(1L);
            assertThat(s.get(Ticket.class, 1L).status).isEqualTo(Status.OPEN);
        }
    }
}
