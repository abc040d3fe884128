package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal tokens in memory. One {@link TableLock} guards both indexes, so every method is atomic, as the port asks.
 * The rules for revocation, use recording and purging are the aggregate's own; this class only stores.
 */
public final class InMemoryPersonalTokens implements PersonalTokens {
    private static final Comparator<PersonalToken> NEWEST_FIRST =
            Comparator.comparing(PersonalToken::createdAt).reversed().thenComparing(t -> t.id().value());

    private final Map<PersonalTokenId, PersonalToken> byId = new HashMap<>();
    private final Map<TokenHash, PersonalTokenId> idByHash = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId, idByHash));

    @Override
    public void add(PersonalToken token) {
        table.write(() -> {
            if (byId.containsKey(token.id())) {
                throw new IllegalStateException("a personal token with id " + token.id() + " is already stored");
            }
            if (idByHash.containsKey(token.tokenHash())) {
                throw new IllegalStateException("a personal token with the same hash is already stored");
            }
            byId.put(token.id(), token);
            idByHash.put(token.tokenHash(), token.id());
        });
    }

    @Override
    public Optional<PersonalToken> findById(PersonalTokenId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<PersonalToken> findByHash(TokenHash hash) {
        return table.read(() -> Optional.ofNullable(idByHash.get(hash)).map(byId::get));
    }

    @Override
    public List<PersonalToken> listForUser(UserId owner) {
        return table.read(() -> byId.values().stream().filter(t -> t.isOwnedBy(owner)).sorted(NEWEST_FIRST).toList());
    }

    @Override
    public int revokeAllFor(UserId owner, Instant revokedAt) {
        return table.write(() -> {
            List<PersonalTokenId> mine = byId.values().stream().filter(t -> t.isOwnedBy(owner))
                    .map(PersonalToken::id).toList();
            int revoked = 0;
            for (PersonalTokenId id : mine) {
                if (revoke(id, revokedAt)) {
                    revoked++;
                }
            }
            return revoked;
        });
    }

    @Override
    public boolean revoke(PersonalTokenId id, Instant revokedAt) {
        return table.write(() -> {
            PersonalToken token = byId.get(id);
            if (token == null) {
                return false;
            }
            return token.revoke(revokedAt).fold(
                    revoked -> {
                        byId.put(id, revoked.token());
                        return true;
                    },
                    alreadyRevoked -> false);
        });
    }

    @Override
    public boolean recordUse(PersonalTokenId id, Instant usedAt, Instant staleBefore) {
        return table.write(() -> {
            PersonalToken token = byId.get(id);
            if (token == null || token.lastUsedAt().filter(last -> !last.isBefore(staleBefore)).isPresent()) {
                return false;
            }
            byId.put(id, token.usedAt(usedAt));
            return true;
        });
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, int limit) {
        return table.write(() -> {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive, was " + limit);
            }
            int deleted = 0;
            Iterator<PersonalToken> it = byId.values().iterator();
            while (it.hasNext() && deleted < limit) {
                PersonalToken token = it.next();
                if (token.endedBefore(cutoff)) {
                    it.remove();
                    idByHash.remove(token.tokenHash());
                    deleted++;
                }
            }
            return deleted;
        });
    }
}
