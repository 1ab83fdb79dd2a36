package io.athanor.orm.spring.sample;

import io.athanor.orm.Session;
import io.athanor.orm.spring.sample.model.Account;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static io.athanor.orm.spring.sample.model.Account_.name;

/** A repository: Athanor's exceptions leave it as Spring's DataAccessExceptions. */
// tag::repository[]
@Repository
public class AccountRepository {
    private final Session session;              // the current transaction's session

    public AccountRepository(Session session) {
        this.session = session;
    }

    @Transactional
    public Account open(String owner, long balance) {
        Account account = new Account(owner, balance);
        session.add(account);
        session.flush();                        // a duplicate name fails here: DuplicateKeyException
        return account;
    }

    @Transactional(readOnly = true)
    public List<Account> named(String owner) {
        return session.select(Account.class).where(name.eq(owner)).list();
    }
}
// end::repository[]
