package dev.faultline.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL notices for this instance's caches: {@code LISTEN} on every carried {@link Channel} over one connection
 * of its own (never one of the pool's). The triggers that notify do so in the transaction that changes the data, so
 * a notice arrives only once that transaction commits, and notices arrive in commit order. One daemon thread waits
 * for notices; when none comes within {@code checkInterval} it runs {@code SELECT 1} on the connection (PostgreSQL
 * sends pending notices before answering, so a silent connection is found out within {@code checkInterval} plus the
 * driver's socket timeout). Any failure: every channel hears {@code disconnected()}, the connection is dropped, and
 * a new one is tried every {@code retryDelay}; after {@code LISTEN} succeeds on it they hear {@code connected()}.
 */
public final class PostgresNotices implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PostgresNotices.class.getName());

    /** Opens a new connection to the database, outside any pool. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /** One channel's receiver. Calls come on the listening thread; they must be quick and never throw. */
    public interface Channel {
        /** The channel's name, as the triggers notify it (a plain SQL identifier). */
        String name();

        /** {@code LISTEN} succeeded: from now on no notice is missed. */
        void connected();

        /** The connection failed or was closed: notices may be missed until the next {@link #connected()}. */
        void disconnected();

        /** A notice arrived with {@code payload}. */
        void received(String payload);
    }

    private final ConnectionOpener opener;
    private final Duration checkInterval;
    private final Duration retryDelay;
    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean connected;
    private volatile Connection current;
    private Thread thread;

    /**
     * @param checkInterval how long to wait for a notice before checking the connection (at least 100 ms)
     * @param retryDelay    how long to wait before trying again after a failure (at least 10 ms)
     */
    public PostgresNotices(ConnectionOpener opener, Duration checkInterval, Duration retryDelay) {
        this.opener = Objects.requireNonNull(opener, "opener");
        if (checkInterval.toMillis() < 100 || retryDelay.toMillis() < 10) {
            throw new IllegalArgumentException("check interval at least 100 ms and retry delay at least 10 ms, not "
                    + checkInterval + " and " + retryDelay);
        }
        this.checkInterval = checkInterval;
        this.retryDelay = retryDelay;
    }

    /** Adds channels to listen on; only before {@link #start()}. */
    public synchronized PostgresNotices carrying(Channel... added) {
        if (thread != null) {
            throw new IllegalStateException("channels are added before listening starts");
        }
        for (Channel channel : added) {
            if (!channel.name().matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain channel name: " + channel.name());
            }
            if (channels.stream().anyMatch(known -> known.name().equals(channel.name()))) {
                throw new IllegalArgumentException("already listening on " + channel.name());
            }
            channels.add(channel);
        }
        return this;
    }

    /** Starts listening on a daemon thread (once; a second call does nothing). */
    public synchronized PostgresNotices start() {
        if (thread == null) {
            thread = new Thread(this::listen, "postgres-notices-listener");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Whether the listening connection is up now. */
    public boolean isConnected() {
        return connected;
    }

    private void listen() {
        Map<String, Channel> byName = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        boolean warned = false;
        while (stop.getCount() > 0) {
            try (Connection connection = opener.open()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    for (String name : byName.keySet()) {
                        statement.execute("LISTEN " + name);
                    }
                }
                connected = true;
                channels.forEach(Channel::connected);
                if (warned) {
                    LOG.log(System.Logger.Level.INFO, "Listening for database notices again");
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
                        Channel channel = byName.get(notice.getName());
                        if (channel != null) {
                            channel.received(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stop.getCount() > 0 && !warned) {
                    warned = true;
                    LOG.log(System.Logger.Level.WARNING, "Listening for database notices failed ({0}); bearer checks"
                            + " and get_issue read the database until listening resumes (one line per outage)",
                            e.getMessage());
                }
            } finally {
                current = null;
                if (connected) {
                    connected = false;
                    channels.forEach(Channel::disconnected);
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
