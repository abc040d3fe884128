package dev.faultline.adapters.postgres.access;

import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.domain.access.ChainId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Chain changes from PostgreSQL: {@code LISTEN faultline_chain_changes} on a connection of its own (never one of
 * the pool's), fed by the triggers of {@code V13__chain_change_notify.sql}, which notify in the transaction that
 * changes the chain, so a notice arrives only once that transaction commits. One daemon thread waits for notices; when
 * none comes within {@code checkInterval} it runs {@code SELECT 1} on the connection (PostgreSQL sends pending notices
 * before answering, so a silent connection is found out within {@code checkInterval} plus the driver's socket
 * timeout). Any failure: subscribers hear {@code disconnected()}, the connection is dropped, and a new one is tried
 * every {@code retryDelay}; after {@code LISTEN} succeeds on it they hear {@code connected()}.
 *
 * <p>Revocations and deletions made through this instance's {@link PostgresTokenChains} are also delivered at once
 * on the writing thread (after the commit), so the instance that revoked never waits for its own notice.
 */
public final class PostgresChainChanges implements ChainChanges, AutoCloseable {
    public static final String CHANNEL = "faultline_chain_changes";
    private static final System.Logger LOG = System.getLogger(PostgresChainChanges.class.getName());

    /** Opens a new connection to the database, outside any pool. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final ConnectionOpener opener;
    private final Duration checkInterval;
    private final Duration retryDelay;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean connected;
    private volatile Connection current;
    private Thread thread;

    /**
     * @param checkInterval how long to wait for a notice before checking the connection (at least 100 ms)
     * @param retryDelay    how long to wait before trying again after a failure (at least 10 ms)
     */
    public PostgresChainChanges(ConnectionOpener opener, Duration checkInterval, Duration retryDelay) {
        this.opener = Objects.requireNonNull(opener, "opener");
        if (checkInterval.toMillis() < 100 || retryDelay.toMillis() < 10) {
            throw new IllegalArgumentException("check interval at least 100 ms and retry delay at least 10 ms, not "
                    + checkInterval + " and " + retryDelay);
        }
        this.checkInterval = checkInterval;
        this.retryDelay = retryDelay;
    }

    /** A feed that never connects: its subscribers always read the store. */
    public static PostgresChainChanges silent() {
        return new PostgresChainChanges(() -> {
            throw new SQLException("this storage does not listen for chain changes");
        }, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    /** Starts listening on a daemon thread (once; a second call does nothing). */
    public synchronized PostgresChainChanges start() {
        if (thread == null) {
            thread = new Thread(this::listen, "chain-changes-listener");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    @Override
    public void subscribe(Listener listener) {
        synchronized (listeners) {
            listeners.add(listener);
            if (connected) {
                listener.connected();
            }
        }
    }

    /** Whether the listening connection is up now. */
    public boolean isConnected() {
        return connected;
    }

    /** Delivers changes committed through this instance at once (see the class comment). */
    void changedHere(List<ChainId> chains) {
        for (Listener listener : listeners) {
            chains.forEach(listener::changed);
        }
    }

    private void listen() {
        boolean warned = false;
        while (stop.getCount() > 0) {
            try (Connection connection = opener.open()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                synchronized (listeners) {
                    connected = true;
                    listeners.forEach(Listener::connected);
                }
                if (warned) {
                    LOG.log(System.Logger.Level.INFO, "Listening for token chain changes again");
                    warned = false;
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                while (stop.getCount() > 0) {
                    PGNotification[] received = notices.getNotifications((int) checkInterval.toMillis());
                    if (received == null || received.length == 0) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification notice : received) {
                        deliver(notice.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stop.getCount() > 0 && !warned) {
                    warned = true;
                    LOG.log(System.Logger.Level.WARNING, "Listening for token chain changes failed ({0}); bearer"
                            + " checks read the database until listening resumes (one line per outage)", e.getMessage());
                }
            } finally {
                current = null;
                synchronized (listeners) {
                    if (connected) {
                        connected = false;
                        listeners.forEach(Listener::disconnected);
                    }
                }
            }
            try {
                if (stop.await(retryDelay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(String payload) {
        ChainId chain;
        try {
            chain = ChainId.parse(payload);
        } catch (IllegalArgumentException e) {
            listeners.forEach(Listener::everythingChanged);
            return;
        }
        listeners.forEach(listener -> listener.changed(chain));
    }

    /** Stops listening and closes the connection; waits up to {@code checkInterval} plus a second for the thread. */
    @Override
    public void close() {
        stop.countDown();
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the listening thread ends either way
            }
        }
        Thread listening;
        synchronized (this) {
            listening = thread;
        }
        if (listening != null) {
            try {
                listening.join(checkInterval.toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
