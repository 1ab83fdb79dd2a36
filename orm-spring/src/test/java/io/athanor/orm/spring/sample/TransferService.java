package io.athanor.orm.spring.sample;

import io.athanor.orm.Session;
import io.athanor.orm.spring.sample.model.Account;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Services of the sample application, one method per case the tests exercise. */
// tag::service[]
@Service
public class TransferService {
    private final Session session;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    public TransferService(Session session, JdbcTemplate jdbc, AuditLog audit) {
        this.session = session;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional                               // flushed and committed when it returns
    public void transfer(long from, long to, long amount) {
        Account a = session.get(Account.class, from);
        Account b = session.get(Account.class, to);
        a.setBalance(a.getBalance() - amount);
        b.setBalance(b.getBalance() + amount);
        jdbc.update("insert into transfers(amount) values (?)", amount);   // same transaction, same connection
        audit.record("transfer " + amount);      // REQUIRES_NEW: kept even if this one rolls back
        if (a.getBalance() < 0) {
            throw new IllegalStateException("insufficient funds");        // rolls everything back
        }
    }
}
// end::service[]
