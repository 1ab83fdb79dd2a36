package io.athanor.orm.engine.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * What to do about a failed connection attempt, from what the driver's exception says: the cause it
 * names comes first (login, database, host name, network, a setting the driver refused), so that the
 * advice is about the real problem.
 */
final class ConnectAdvice {
    private ConnectAdvice() {
    }

    static String of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (state.startsWith("28") || code == 1045) {
            return "The server refused the login. Check the user and password given to Engine.builder(...).user(...).password(...) "
                    + "or in the URL, and that the user may connect to this database.";
        }
        if (state.equals("3D000") || code == 1049) {
            return "The database named in the URL does not exist. Create it, or fix the database name in the URL.";
        }
        if (state.equals("53300") || code == 1040) {
            return "The server has no free connection slots (too many clients). Lower poolSize/maxOverflow, close idle "
                    + "connections of other applications, or raise the server's connection limit (max_connections).";
        }
        UnknownHostException unknownHost = find(e, UnknownHostException.class);
        if (unknownHost != null) {
            return "The host '" + hostName(unknownHost) + "' is unknown: its name did not resolve to an address. Check the host "
                    + "name in the URL (a typing mistake, or a name only known inside another network or container).";
        }
        Throwable network = find(e, ConnectException.class);
        if (network == null) {
            network = find(e, NoRouteToHostException.class);
        }
        if (network == null) {
            network = find(e, SocketTimeoutException.class);
        }
        if (network != null) {
            return "The server could not be reached (" + describe(network) + "). Check that it is running, that the URL's host "
                    + "and port are right, and that no firewall is in the way.";
        }
        IOException io = find(e, IOException.class);
        if (io != null) {
            return "The connection to the server failed while it was being opened (" + describe(io) + "). Check that the "
                    + "URL's host and port are the database's, that the server is running, and its SSL settings (sslmode).";
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("No suitable driver")) {
            return "No JDBC driver on the class path accepts this URL. Check its form (jdbc:postgresql://host:port/database, "
                    + "jdbc:mariadb://host:port/database, jdbc:h2:...), and that the database's driver jar is on the class path.";
        }
        if (state.equals("08004")) {
            return "The server rejected the connection for the reason above. Check the connection settings it names (for SSL, "
                    + "sslmode in the URL or connectionProperty(\"sslmode\", ...)) and that the server accepts this client.";
        }
        if (state.startsWith("08") || state.equals("22023") || state.equals("99999") || state.isEmpty()) {
            return "The driver refused a connection setting before contacting the server, for the reason above. Fix that "
                    + "setting in the URL's parameters or in connectionProperty(...).";
        }
        return "Check the URL, the user and password, and that the server is running.";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The host an {@link UnknownHostException} names: its message, up to any explanation after a colon. */
    private static String hostName(UnknownHostException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip();
        int colon = m.indexOf(": ");
        return colon > 0 ? m.substring(0, colon) : m;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
