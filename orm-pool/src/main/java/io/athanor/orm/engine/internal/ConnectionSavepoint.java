package io.athanor.orm.engine.internal;

import io.athanor.orm.engine.Savepoint;

/** A savepoint set through JDBC, whose rollback and release reach the statement events as SQL. */
final class ConnectionSavepoint implements Savepoint {
    private final DefaultConnection connection;
    private final String name;
    private final java.sql.Savepoint savepoint;

    ConnectionSavepoint(DefaultConnection connection, String name, java.sql.Savepoint savepoint) {
        this.connection = connection;
        this.name = name;
        this.savepoint = savepoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void rollback() {
        connection.checkAlive();
        connection.reported("ROLLBACK TO SAVEPOINT " + name, c -> {
            c.rollback(savepoint);
            return null;
        }, none -> 0L);
        connection.clearFailure();
    }

    @Override
    public void release() {
        connection.checkUsable();
        connection.reported("RELEASE SAVEPOINT " + name, c -> {
            c.releaseSavepoint(savepoint);
            return null;
        }, none -> 0L);
    }
}
