package dev.faultline.adapters.inmemory.access;

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
 * Personal tokens in memory. One monitor guards both indexes, so every method is atomic, as the port asks.
 * The rules for revocation, use recording and purging are the aggregate's own; this class only stores.
 */
public final class InMemoryPersonalTokens implements PersonalTokens {
    private static final Comparator<PersonalToken> NEWEST_FIRST =
            Comparator.comparing(PersonalToken::createdAt).reversed().thenComparing(t -> t.id().value());

    private final Map<PersonalTokenId, PersonalToken> byId = new HashMap<>();
    private final Map<TokenHash, PersonalTokenId> idByHash = new HashMap<>();

    @Override
    public synchronized void add(PersonalToken token) {
        if (byId.containsKey(token.id())) {
            throw new IllegalStateException("a personal token with id " + token.id() + " is already stored");
        }
        if (idByHash.containsKey(token.tokenHash())) {
            throw new IllegalStateException("a personal token with the same hash is already stored");
        }
        byId.put(token.id(), token);
        idByHash.put(token.tokenHash(), token.id());
    }

    @Override
    public synchronized Optional<PersonalToken> findById(PersonalTokenId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<PersonalToken> findByHash(TokenHash hash) {
        return Optional.ofNullable(idByHash.get(hash)).map(byId::get);
    }

    @Override
    public synchronized List<PersonalToken> listForUser(UserId owner) {
        return byId.values().stream().filter(t -> t.isOwnedBy(owner)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized int revokeAllFor(UserId owner, Instant revokedAt) {
        List<PersonalTokenId> mine = byId.values().stream().filter(t -> t.isOwnedBy(owner))
                .map(PersonalToken::id).toList();
        int revoked = 0;
        for (PersonalTokenId id : mine) {
            if (revoke(id, revokedAt)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized boolean revoke(PersonalTokenId id, Instant revokedAt) {
        PersonalToken token = byId.get(id);
        if (token == null) {
            return false;
        }
        if (token.revoke(revokedAt) instanceof PersonalToken.Revocation.Revoked revoked) {
            byId.put(id, revoked.token());
            return true;
        }
        return false;
    }

    @Override
    public synchronized boolean recordUse(PersonalTokenId id, Instant usedAt, Instant staleBefore) {
        PersonalToken token = byId.get(id);
        if (token == null || token.lastUsedAt().filter(last -> !last.isBefore(staleBefore)).isPresent()) {
            return false;
        }
        byId.put(id, token.usedAt(usedAt));
        return true;
    }

    @Override
    public synchronized int purgeEndedBefore(Instant cutoff, int limit) {
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
    }
}
