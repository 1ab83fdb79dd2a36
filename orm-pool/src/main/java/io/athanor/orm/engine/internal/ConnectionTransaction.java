package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.Transaction;

/** The handle {@code begin()} returns: commits or rolls back its connection's transaction once. */
final class ConnectionTransaction implements Transaction {
    private final DefaultConnection connection;
    boolean active = true;

    ConnectionTransaction(DefaultConnection connection) {
        this.connection = connection;
    }

    @Override
    public void commit() {
        if (!active) {
            throw new IllegalStateException("This transaction has already ended (committed or rolled back).");
        }
        connection.commit();
    }

    @Override
    public void rollback() {
        if (active) {
            connection.rollback();
        }
    }

    @Override
    public boolean isActive() {
        return active && !connection.isClosed();
    }

    @Override
    public void close() {
        if (active && !connection.isClosed()) {
            connection.rollback();
        }
    }
}
