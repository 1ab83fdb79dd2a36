package io.athanor.examples.docs;

import io.athanor.orm.engine.Connection;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Params;
import io.athanor.orm.engine.Text;
import java.math.BigDecimal;

/** Accounts in plain SQL through the engine: the engine guide's transfer, tested by {@link AccountRepositoryTest}. */
final class AccountRepository {
    private static final Text CREATE = Text.text("create table accounts (id bigint primary key, balance decimal(12, 2) not null)");
    private static final Text OPEN = Text.text("insert into accounts (id, balance) values (:id, :balance)");
    private static final Text BALANCE = Text.text("select balance from accounts where id = :id");

    private final Engine engine;

    AccountRepository(Engine engine) {
        this.engine = engine;
    }

    void createTable() {
        engine.runInTransaction(c -> c.execute(CREATE));
    }

    void open(long id, BigDecimal balance) {
        engine.runInTransaction(c -> c.executeUpdate(OPEN, Params.of("id", id, "balance", balance)));
    }

    BigDecimal balance(long id) {
        try (Connection c = engine.connect()) {
            return c.execute(BALANCE, Params.of("id", id)).scalar(BigDecimal.class);
        }
    }

    void transfer(long from, long to, BigDecimal amount) {
        // tag::transfer[]
        try (Connection c = engine.connect()) {
            c.executeUpdate(Text.text("update accounts set balance = balance - :amount where id = :id"),
                            Params.of("amount", amount, "id", from));
            c.executeUpdate(Text.text("update accounts set balance = balance + :amount where id = :id"),
                            Params.of("amount", amount, "id", to));
            c.commit();
        }
        // end::transfer[]
    }

    /** The first update of a transfer, then close without commit. */
    void withdrawWithoutCommit(long from, BigDecimal amount) {
        try (Connection c = engine.connect()) {
            c.executeUpdate(Text.text("update accounts set balance = balance - :amount where id = :id"),
                            Params.of("amount", amount, "id", from));
        }
    }
}
