package io.athanor.orm.uow;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.internal.unitofwork.FlushStats;
import io.athanor.orm.model.memo.Memo;
import io.athanor.orm.model.tracked.Account;
import io.athanor.orm.model.tracked.Branch;
import io.athanor.orm.model.tracked.Parcel;
import io.athanor.orm.model.tracked.Shelf;
import java.math.BigDecimal;

/** The write-tracking model (enhanced) with one plain class, over a fresh schema. */
final class TrackedFixture {
    private TrackedFixture() {
    }

    static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Branch.class, Account.class, Shelf.class, Parcel.class, Memo.class)
                .nPlusOne(NPlusOne.OFF)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }

    /** A committed account of {@code owner} with balance 10; its id. */
    static long account(SessionFactory f, String owner) {
        return f.inTransaction(s -> {
            Account a = new Account(owner, BigDecimal.TEN);
            s.add(a);
            s.flush();
            return a.getId();
        });
    }

    /** The account as the database holds it, read in a new session. */
    static Account stored(SessionFactory f, long id) {
        try (Session s = f.open()) {
            return s.get(Account.class, id);
        }
    }

    static FlushStats stats(Session s) {
        return ((DefaultSession) s).flushStats();
    }
}
