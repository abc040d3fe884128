package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions in memory. One {@link TableLock} guards both indexes, so every method is atomic, as the port asks.
 * The rules for activity, revocation and purging are the aggregate's own; this class only stores.
 */
public final class InMemoryBrowserSessions implements BrowserSessions {
    private final Map<BrowserSessionId, BrowserSession> byId = new HashMap<>();
    private final Map<TokenHash, BrowserSessionId> idByHash = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId, idByHash));

    @Override
    public void add(BrowserSession session) {
        table.write(() -> {
            if (byId.containsKey(session.id())) {
                throw new IllegalStateException("a browser session with id " + session.id() + " is already stored");
            }
            if (idByHash.containsKey(session.tokenHash())) {
                throw new IllegalStateException("a browser session with the same hash is already stored");
            }
            byId.put(session.id(), session);
            idByHash.put(session.tokenHash(), session.id());
        });
    }

    @Override
    public Optional<BrowserSession> findByHash(TokenHash hash) {
        return table.read(() -> Optional.ofNullable(idByHash.get(hash)).map(byId::get));
    }

    @Override
    public boolean touch(BrowserSessionId id, Instant seenAt, Instant idleExpiresAt, Instant staleBefore) {
        return table.write(() -> {
            BrowserSession session = byId.get(id);
            if (session == null || session.revokedAt().isPresent() || !session.lastSeenAt().isBefore(staleBefore)) {
                return false;
            }
            byId.put(id, new BrowserSession(id, session.tokenHash(), session.user(), session.createdAt(), seenAt,
                    idleExpiresAt, session.expiresAt(), session.revokedAt()));
            return true;
        });
    }

    @Override
    public boolean revoke(BrowserSessionId id, Instant revokedAt) {
        return table.write(() -> {
            BrowserSession session = byId.get(id);
            if (session == null || session.revokedAt().isPresent()) {
                return false;
            }
            byId.put(id, session.revokedAt(revokedAt));
            return true;
        });
    }

    @Override
    public int revokeAllFor(UserId user, Instant revokedAt) {
        return table.write(() -> {
            int revoked = 0;
            for (BrowserSession session : byId.values().stream().filter(s -> s.user().equals(user)).toList()) {
                if (revoke(session.id(), revokedAt)) {
                    revoked++;
                }
            }
            return revoked;
        });
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        return table.write(() -> {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive, was " + limit);
            }
            int deleted = 0;
            Iterator<BrowserSession> it = byId.values().iterator();
            while (it.hasNext() && deleted < limit) {
                BrowserSession session = it.next();
                if (session.endedBefore(cutoff)) {
                    it.remove();
                    idByHash.remove(session.tokenHash());
                    deleted++;
                }
            }
            return deleted;
        });
    }
}
