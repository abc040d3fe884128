package dev.faultline.adapters.postgres;

import dev.faultline.application.shared.FeedListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * A {@link PostgresNotices.Channel} that hands what it hears to the subscribers of a change feed port: they hear
 * {@code connected()} when they subscribe to a connected channel, and every connect and disconnect after that.
 * A channel no {@link PostgresNotices} carries never connects, so caches over it always read the database.
 */
public abstract class NoticeChannel<L extends FeedListener> implements PostgresNotices.Channel {
    private final String name;
    private final List<L> listeners = new CopyOnWriteArrayList<>();
    private boolean connected;

    /** @param name the channel's name, as its triggers notify it */
    protected NoticeChannel(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Adds a subscriber of the change feed port this channel implements. */
    public final void subscribe(L listener) {
        synchronized (listeners) {
            listeners.add(listener);
            if (connected) {
                listener.connected();
            }
        }
    }

    @Override
    public final void connected() {
        synchronized (listeners) {
            connected = true;
            listeners.forEach(FeedListener::connected);
        }
    }

    @Override
    public final void disconnected() {
        synchronized (listeners) {
            if (connected) {
                connected = false;
                listeners.forEach(FeedListener::disconnected);
            }
        }
    }

    /** Tells every subscriber. */
    protected final void tell(Consumer<L> news) {
        listeners.forEach(news);
    }

    /**
     * Tells every subscriber once what {@code handle} wrote is committed: now, or when the surrounding unit of work
     * commits (never, if it rolls back).
     */
    protected final void tellAfterCommit(Handle handle, Consumer<L> news) {
        if (handle.isInTransaction()) {
            handle.afterCommit(() -> tell(news));
        } else {
            tell(news);
        }
    }
}
