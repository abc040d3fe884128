package dev.faultline.application.access.port.out;

import dev.faultline.application.shared.FeedListener;
import dev.faultline.domain.access.ChainId;

/**
 * News that a token chain changed in a way that can change whether its access tokens are admitted: revoked (one,
 * or all of a person's), deleted, or its refresh expiry moved earlier. A rotation that only moves the expiry later
 * is not news (a state that expires early errs towards refusing, and refusals are read again from the store).
 *
 * <p>What an adapter promises its subscribers:
 * <ul>
 *   <li>{@link Listener#connected()} once the feed listens (possibly during {@link #subscribe}); from then on every
 *       such change committed by anyone sharing the store is delivered as {@link Listener#changed}, until
 *       {@link Listener#disconnected()}; between that and the next {@code connected()} changes may be missed;</li>
 *   <li>a change made through this storage's own {@link TokenChains} is delivered before that call returns, or,
 *       inside a unit of work, before the unit of work returns (so the instance that revoked is exact at once);
 *       one made elsewhere is delivered when the store hands it over, after it is committed;</li>
 *   <li>a change may be delivered more than once, and when the feed cannot tell which chain changed it calls
 *       {@link Listener#everythingChanged()}.</li>
 * </ul>
 * Calls come on any thread, possibly concurrently; listeners must be quick and never throw.
 */
public interface ChainChanges {
    void subscribe(Listener listener);

    interface Listener extends FeedListener {
        /** {@code chain} changed (or was deleted). */
        void changed(ChainId chain);
    }
}
