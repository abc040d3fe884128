package dev.faultline.adapters.postgres;

import dev.faultline.application.shared.StorageUnavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;

/**
 * Where PostgreSQL failures that mean "the database cannot be reached now" become {@link StorageUnavailable}:
 * <ul>
 *   <li>any failure to get a connection (refused, the server starting up or shutting down, authentication
 *       while it restarts, the pool exhausted) — {@link #connections};</li>
 *   <li>a statement or commit that fails because the connection broke: SQLState class {@code 08} (connection
 *       exception), {@code 57P01}–{@code 57P03} (administrator or crash shutdown, cannot connect now), or a
 *       transient connection exception — {@link #callbacks}.</li>
 * </ul>
 * Every other failure (a constraint violated by our SQL, a syntax error, a serialization failure) is a bug
 * or a race the caller settles, and passes unchanged. A failed unit of work was rolled back by PostgreSQL
 * (the session ended), so "unavailable" also means "nothing changed".
 */
final class UnavailableStorage {
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private UnavailableStorage() {
    }

    /** Connections from {@code dataSource}; a failure to get one is {@link StorageUnavailable}. */
    static ConnectionFactory connections(DataSource dataSource) {
        return new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                try {
                    return dataSource.getConnection();
                } catch (SQLException e) {
                    throw new StorageUnavailable("no database connection: " + describe(e), e);
                }
            }
        };
    }

    /** Units of work whose connection breaks end with {@link StorageUnavailable}. */
    static HandleCallbackDecorator callbacks() {
        return new HandleCallbackDecorator() {
            @Override
            public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
                return handle -> {
                    try {
                        return callback.withHandle(handle);
                    } catch (RuntimeException e) {
                        Optional<SQLException> lost = connectionLost(e);
                        if (lost.isPresent()) {
                            throw new StorageUnavailable("database connection lost: " + describe(lost.get()), e);
                        }
                        throw e;
                    }
                };
            }
        };
    }

    /** The SQL failure in {@code failure}'s causes that says the connection is gone, if there is one. */
    static Optional<SQLException> connectionLost(Throwable failure) {
        if (failure instanceof StorageUnavailable) {
            return Optional.empty();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && meansConnectionLost(sql)) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static boolean meansConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state)));
    }

    /** The state code and the first line of the driver's message (which names no data, only the failure). */
    private static String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + firstLine;
    }
}
