package dev.faultline.adapters.postgres.access;

import dev.faultline.adapters.postgres.NoticeChannel;
import dev.faultline.adapters.postgres.PostgresNotices;
import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.domain.access.ChainId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Chain changes from PostgreSQL: the channel {@code faultline_chain_changes}, fed by the triggers of
 * {@code V13__chain_change_notify.sql} (payload: the chain id, or {@code *} when the table was emptied), heard through
 * a {@link PostgresNotices} that carries it. Revocations and deletions made through this instance's
 * {@link PostgresTokenChains} are also told at once on the writing thread (after the commit), so the instance that
 * revoked never waits for its own notice.
 */
public final class PostgresChainChanges extends NoticeChannel<ChainChanges.Listener> implements ChainChanges {
    public static final String CHANNEL = "faultline_chain_changes";

    /** A feed that never connects until a {@link PostgresNotices} carries it: its subscribers read the store. */
    public static PostgresChainChanges silent() {
        return new PostgresChainChanges();
    }

    private PostgresChainChanges() {
        super(CHANNEL);
    }

    @Override
    public void received(String payload) {
        ChainId chain;
        try {
            chain = ChainId.parse(payload);
        } catch (IllegalArgumentException e) {
            tell(Listener::everythingChanged);
            return;
        }
        tell(listener -> listener.changed(chain));
    }

    /** Tells this instance's listeners of {@code chains} once {@code handle}'s writes are committed. */
    void changedHere(Handle handle, List<ChainId> chains) {
        if (!chains.isEmpty()) {
            tellAfterCommit(handle, listener -> chains.forEach(listener::changed));
        }
    }
}
