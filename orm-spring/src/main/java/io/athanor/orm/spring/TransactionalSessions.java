package io.athanor.orm.spring;

import io.athanor.orm.JoinedSession;
import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.SessionOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sessions bound to Spring-managed transactions: {@link #current()} is the session of the transaction running
 * on the calling thread, opened on first use on that transaction's JDBC connection (the one a
 * {@code DataSourceTransactionManager} holds, so that {@code JdbcTemplate} and Athanor share one transaction),
 * flushed before the transaction commits and closed after it ends. A {@code REQUIRES_NEW} transaction gets a
 * session of its own on its own connection; a {@code NESTED} one shares its outer transaction's session, whose
 * instances follow a rollback to its savepoint; a read-only transaction gets a read-only session.
 *
 * <p>Outside a transaction there is no session: {@link #current()} throws an {@link IllegalStateException} that
 * says to annotate the caller {@code @Transactional} (or to open a session of one's own with
 * {@code sessionFactory.open()}).
 *
 * <p>Thread-safe: each thread sees its own transaction's session. {@link #proxy()} is a {@link Session} to
 * inject into beans, which forwards every call to {@link #current()}.
 */
public final class TransactionalSessions {
    private final SessionFactory sessions;
    private final DataSource dataSource;
    private final Session proxy;

    /**
     * Sessions of {@code sessions} in the transactions a transaction manager runs over {@code dataSource} (the
     * same DataSource the factory's engine was built over).
     */
    public TransactionalSessions(SessionFactory sessions, DataSource dataSource) {
        if (sessions == null || dataSource == null) {
            throw new IllegalArgumentException("TransactionalSessions needs the SessionFactory and the DataSource its "
                    + "transactions run over; neither may be null.");
        }
        this.sessions = sessions;
        this.dataSource = dataSource;
        this.proxy = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                new Forwarder());
    }

    /** The factory whose sessions this gives. */
    public SessionFactory sessionFactory() {
        return sessions;
    }

    /**
     * The session of the Spring transaction running on this thread, opened now if this is its first use.
     *
     * @throws IllegalStateException if no Spring transaction is active on this thread
     */
    public Session current() {
        SessionSynchronization bound = (SessionSynchronization) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound.session();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("No Spring transaction is active on this thread, so there is no session to use. "
                    + "Annotate the calling method (or its class) @Transactional, with readOnly = true for reads, or run "
                    + "the work in a TransactionTemplate; outside Spring's transactions, open a session of your own with "
                    + "sessionFactory.open() and close it.");
        }
        java.sql.Connection jdbc = DataSourceUtils.getConnection(dataSource);
        JoinedSession joined;
        try {
            SessionOptions options = TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                    ? SessionOptions.readOnly() : SessionOptions.defaults();
            joined = sessions.join(sessions.engine().borrow(jdbc), options);
        } catch (RuntimeException e) {
            DataSourceUtils.releaseConnection(jdbc, dataSource);
            throw e;
        }
        SessionSynchronization synchronization = new SessionSynchronization(this, joined, jdbc, dataSource);
        TransactionSynchronizationManager.registerSynchronization(synchronization);
        TransactionSynchronizationManager.bindResource(this, synchronization);
        return joined.session();
    }

    /**
     * A {@link Session} that forwards every call to {@link #current()}: inject it anywhere, use it inside
     * transactions. Its {@code close()} does nothing (the transaction closes the session); {@code commit()},
     * {@code rollback()} and {@code begin()} refuse, since Spring ends the transaction.
     */
    public Session proxy() {
        return proxy;
    }

    @Override
    public String toString() {
        return "TransactionalSessions[" + sessions + "]";
    }

    /** Forwards each call of the proxy to the current transaction's session. */
    private final class Forwarder implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return self == args[0];
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(self);
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "Session of the current Spring transaction (" + sessions + ")";
                    }
                    break;
                case "close":
                    if (method.getParameterCount() == 0) {
                        return null; // the transaction's end closes the session
                    }
                    break;
                case "isOpen":
                    if (method.getParameterCount() == 0 && TransactionSynchronizationManager.getResource(TransactionalSessions.this) == null
                            && !TransactionSynchronizationManager.isActualTransactionActive()) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(current(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
