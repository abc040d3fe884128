package dev.faultline.application.access;

import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ChainState;
import dev.faultline.domain.access.TokenChain;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The states of recently used token chains, for the bearer check on every MCP call, kept exact by a
 * {@link ChainChanges} feed: a change forgets the chain, and while the feed is not connected nothing is read from
 * (or kept in) the cache, every state comes from the store. On every (re)connect the cache starts empty. At most
 * {@code capacity} chains are kept; the least recently used one goes first. It holds {@link ChainState}s only, no
 * refresh token hash.
 *
 * <p>Why a load can never leave a stale state behind. A load that misses reads the chain's invalidation counter
 * (one of {@link #STRIPES} counters, by chain id) and the {@code epoch} (bumped on connect, disconnect and
 * "everything changed") <em>before</em> reading the store, puts what it read, and <em>after</em> the put reads both
 * again: if either moved, it takes its own entry out. A change increments the counter first and removes the entry
 * second. So for a change C that the store committed before handing it to the feed, either (a) C's increment came
 * before the load's first read, then the store read began after the feed had C, hence after its commit, and saw it;
 * or (b) the increment came after the first read, and then either the load's second read sees it and takes the
 * entry out, or the increment (and so C's remove) came after that second read, hence after the put, and removes it.
 * A disconnect clears {@code live} before it bumps the epoch, and a lookup reads the epoch before {@code live}, so a
 * load that starts while the feed is down never keeps anything.
 */
public final class ChainStateCache implements ChainChanges.Listener {
    static final int STRIPES = 1024;
    private final TokenChains chains;
    private final int capacity;
    private final Map<ChainId, ChainState> entries;
    private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong appliedChanges = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean live;

    /**
     * @param capacity how many chains to keep at most; 0 keeps none (every bearer check reads the store)
     */
    public ChainStateCache(TokenChains chains, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the capacity of the chain state cache must be 0 or more, not "
                    + capacity);
        }
        this.chains = chains;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ChainId, ChainState> eldest) {
                return size() > ChainStateCache.this.capacity;
            }
        };
    }

    /** A cache that subscribes to {@code changes} (and so only serves from memory once it is connected). */
    public static ChainStateCache listeningTo(ChainChanges changes, TokenChains chains, int capacity) {
        ChainStateCache cache = new ChainStateCache(chains, capacity);
        changes.subscribe(cache);
        return cache;
    }

    /** The chain's state: from memory while the feed is connected and the chain is known, else from the store. */
    public Optional<ChainState> find(ChainId id) {
        if (capacity == 0) {
            return load(id);
        }
        long epochBefore = epoch.get();
        if (!live) {
            return load(id);
        }
        ChainState cached = get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        int stripe = stripe(id);
        long invalidationsBefore = invalidations.get(stripe);
        Optional<ChainState> loaded = load(id);
        loaded.ifPresent(state -> {
            put(id, state);
            if (epoch.get() != epochBefore || invalidations.get(stripe) != invalidationsBefore) {
                remove(id, state);
            }
        });
        return loaded;
    }

    /** The chain's state read from the store, whatever is in memory (which it then replaces). */
    public Optional<ChainState> reload(ChainId id) {
        forget(id);
        return find(id);
    }

    /** Remembers that {@code state}'s chain was used at {@code now}, if that state is still the one kept. */
    public void usedAt(ChainState state, Instant now) {
        synchronized (entries) {
            entries.replace(state.id(), state, state.usedAt(now));
        }
    }

    @Override
    public void connected() {
        epoch.incrementAndGet();
        clear();
        connects.incrementAndGet();
        live = true;
    }

    @Override
    public void disconnected() {
        live = false;
        epoch.incrementAndGet();
        clear();
    }

    @Override
    public void changed(ChainId chain) {
        forget(chain);
        appliedChanges.incrementAndGet();
    }

    @Override
    public void everythingChanged() {
        epoch.incrementAndGet();
        clear();
        appliedChanges.incrementAndGet();
    }

    /** Whether states are served from memory now (the feed is connected). */
    public boolean isLive() {
        return live && capacity > 0;
    }

    /** How many chains are kept now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Whether {@code id}'s state is kept now. */
    public boolean holds(ChainId id) {
        synchronized (entries) {
            return entries.containsKey(id);
        }
    }

    /** How many changes this cache has applied so far (a test waits on it; a metric can show it). */
    public long appliedChanges() {
        return appliedChanges.get();
    }

    /** How many times the feed has connected (the first connect included). */
    public long connects() {
        return connects.get();
    }

    private void forget(ChainId id) {
        invalidations.incrementAndGet(stripe(id));
        synchronized (entries) {
            entries.remove(id);
        }
    }

    private Optional<ChainState> load(ChainId id) {
        return chains.findById(id).map(TokenChain::state);
    }

    private ChainState get(ChainId id) {
        synchronized (entries) {
            return entries.get(id);
        }
    }

    private void put(ChainId id, ChainState state) {
        synchronized (entries) {
            entries.put(id, state);
        }
    }

    private void remove(ChainId id, ChainState state) {
        synchronized (entries) {
            entries.remove(id, state);
        }
    }

    private void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static int stripe(ChainId id) {
        return (id.hashCode() & 0x7fffffff) % STRIPES;
    }
}
