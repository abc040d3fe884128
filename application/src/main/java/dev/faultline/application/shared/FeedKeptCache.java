package dev.faultline.application.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Values read from a store, kept in memory only while a change feed is connected and forgotten when the feed says
 * their key changed: exact as long as the feed delivers every change after the store has committed it. While the
 * feed is not connected nothing is read from (or kept in) memory; on every (re)connect the cache starts empty. At
 * most {@code capacity} keys are kept; the least recently used one goes first.
 *
 * <p>Why a load can never leave a stale value behind. A load takes a {@link Stamp} <em>before</em> reading the
 * store: the key's invalidation counter (one of {@link #STRIPES} counters, by key) and the {@code epoch} (bumped on
 * connect, disconnect and "everything changed"). It keeps what it read only if, checked under the lock of the kept
 * values and in the same hold as the put, neither has moved. A change increments the counter first and then, under
 * that lock, removes the key; a bump of the epoch clears all under it. So for a change C that the store committed
 * before handing it to the feed, either (a) C's increment came before the stamp, then the store read began after
 * the feed had C, hence after its commit, and saw it; or (b) it came after the stamp, and then either the check
 * sees it and nothing is put, or it came after the check, and C's remove, which waits for the lock, comes after the
 * put and removes it. Nobody can see (or {@link #replace}) a value put and then taken out again. A disconnect
 * clears {@code live} before it bumps the epoch, and a stamp reads the epoch before {@code live}, so a load that
 * starts while the feed is down never keeps anything.
 */
public final class FeedKeptCache<K, V> {
    public static final int STRIPES = 1024;
    private final int capacity;
    private final Map<K, V> entries;
    private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong appliedChanges = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean live;

    /** What a load saw before it read the store; {@link #keep} keeps its value only if nothing moved since. */
    public record Stamp(boolean live, long epoch, int stripe, long invalidations) {
    }

    /**
     * @param capacity how many keys to keep at most; 0 keeps none (every look-up reads the store)
     * @param what     what is kept, for the message when {@code capacity} is negative
     */
    public FeedKeptCache(int capacity, String what) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the capacity of the " + what + " cache must be 0 or more, not "
                    + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > FeedKeptCache.this.capacity;
            }
        };
    }

    /** The key's value: from memory while the feed is connected and the key is kept, else from {@code load}. */
    public Optional<V> find(K key, Function<K, Optional<V>> load) {
        Stamp stamp = stamp(key);
        if (!stamp.live()) {
            return load.apply(key);
        }
        Optional<V> kept = kept(key);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<V> loaded = load.apply(key);
        loaded.ifPresent(value -> keep(key, value, stamp));
        return loaded;
    }

    /** Taken before reading the store for {@code key}; see the class comment. */
    public Stamp stamp(K key) {
        long epochBefore = epoch.get();
        int stripe = stripe(key);
        return new Stamp(live && capacity > 0, epochBefore, stripe, invalidations.get(stripe));
    }

    /** The value kept for {@code key}, if the feed is connected and there is one. */
    public Optional<V> kept(K key) {
        if (!live || capacity == 0) {
            return Optional.empty();
        }
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key));
        }
    }

    /** Keeps {@code value}, read from the store after {@code stamp} was taken, unless {@code key} changed since. */
    public void keep(K key, V value, Stamp stamp) {
        merge(key, stamp, kept -> value);
    }

    /**
     * Keeps what {@code merged} makes of the value kept now ({@code null} if none), unless {@code key} changed since
     * {@code stamp}: for a value that adds what a load read (taken after {@code stamp}) to what was kept before.
     */
    public void merge(K key, Stamp stamp, UnaryOperator<V> merged) {
        if (!stamp.live()) {
            return;
        }
        synchronized (entries) {
            if (epoch.get() == stamp.epoch() && invalidations.get(stamp.stripe()) == stamp.invalidations()) {
                entries.put(key, merged.apply(entries.get(key)));
            }
        }
    }

    /** Replaces the value kept for {@code key} if it is still {@code expected}. */
    public void replace(K key, V expected, V replacement) {
        synchronized (entries) {
            entries.replace(key, expected, replacement);
        }
    }

    /** The feed listens: from now on no change is missed. */
    public void connected() {
        epoch.incrementAndGet();
        clear();
        connects.incrementAndGet();
        live = true;
    }

    /** The feed stopped listening: nothing is served from memory until it connects again. */
    public void disconnected() {
        live = false;
        epoch.incrementAndGet();
        clear();
    }

    /** The feed says {@code key} changed. */
    public void changed(K key) {
        forget(key);
        appliedChanges.incrementAndGet();
    }

    /** The feed says some keys changed, which ones is not known. */
    public void everythingChanged() {
        epoch.incrementAndGet();
        clear();
        appliedChanges.incrementAndGet();
    }

    /** Forgets {@code key} without counting a change (a caller that wants a fresh read). */
    public void forget(K key) {
        invalidations.incrementAndGet(stripe(key));
        synchronized (entries) {
            entries.remove(key);
        }
    }

    /** Whether values are served from memory now (the feed is connected). */
    public boolean isLive() {
        return live && capacity > 0;
    }

    /** How many keys are kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Whether a value is kept for {@code key} now. */
    public boolean holds(K key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** How many changes the feed has delivered so far (a test waits on it; a metric can show it). */
    public long appliedChanges() {
        return appliedChanges.get();
    }

    /** How many times the feed has connected (the first connect included). */
    public long connects() {
        return connects.get();
    }

    /** Which of the {@link #STRIPES} invalidation counters {@code key} shares. */
    public static int stripe(Object key) {
        return (key.hashCode() & 0x7fffffff) % STRIPES;
    }

    private void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
