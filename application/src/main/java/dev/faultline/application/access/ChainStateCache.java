package dev.faultline.application.access;

import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.FeedKeptCache;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ChainState;
import dev.faultline.domain.access.TokenChain;
import java.time.Instant;
import java.util.Optional;

/**
 * The states of recently used token chains, for the bearer check on every MCP call, kept exact by a
 * {@link ChainChanges} feed: a change forgets the chain, and while the feed is not connected every state comes from
 * the store (see {@link FeedKeptCache} for why a load never leaves a stale state behind). It holds
 * {@link ChainState}s only, no refresh token hash.
 */
public final class ChainStateCache implements ChainChanges.Listener {
    static final int STRIPES = FeedKeptCache.STRIPES;
    private final TokenChains chains;
    private final FeedKeptCache<ChainId, ChainState> states;

    /**
     * @param capacity how many chains to keep at most; 0 keeps none (every bearer check reads the store)
     */
    public ChainStateCache(TokenChains chains, int capacity) {
        this.chains = chains;
        this.states = new FeedKeptCache<>(capacity, "chain state");
    }

    /** A cache that subscribes to {@code changes} (and so only serves from memory once it is connected). */
    public static ChainStateCache listeningTo(ChainChanges changes, TokenChains chains, int capacity) {
        ChainStateCache cache = new ChainStateCache(chains, capacity);
        changes.subscribe(cache);
        return cache;
    }

    /** The chain's state: from memory while the feed is connected and the chain is known, else from the store. */
    public Optional<ChainState> find(ChainId id) {
        return states.find(id, this::load);
    }

    /** The chain's state read from the store, whatever is in memory (which it then replaces). */
    public Optional<ChainState> reload(ChainId id) {
        states.forget(id);
        return find(id);
    }

    /** Remembers that {@code state}'s chain was used at {@code now}, if that state is still the one kept. */
    public void usedAt(ChainState state, Instant now) {
        states.replace(state.id(), state, state.usedAt(now));
    }

    @Override
    public void connected() {
        states.connected();
    }

    @Override
    public void disconnected() {
        states.disconnected();
    }

    @Override
    public void changed(ChainId chain) {
        states.changed(chain);
    }

    @Override
    public void everythingChanged() {
        states.everythingChanged();
    }

    /** Whether states are served from memory now (the feed is connected). */
    public boolean isLive() {
        return states.isLive();
    }

    /** How many chains are kept now. */
    public int size() {
        return states.size();
    }

    /** Whether {@code id}'s state is kept now. */
    public boolean holds(ChainId id) {
        return states.holds(id);
    }

    /** How many changes this cache has applied so far (a test waits on it; a metric can show it). */
    public long appliedChanges() {
        return states.appliedChanges();
    }

    /** How many times the feed has connected (the first connect included). */
    public long connects() {
        return states.connects();
    }

    private Optional<ChainState> load(ChainId id) {
        return chains.findById(id).map(TokenChain::state);
    }
}
