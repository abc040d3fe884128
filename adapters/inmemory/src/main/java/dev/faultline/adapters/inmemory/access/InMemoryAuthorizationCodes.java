package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Codes by hash; every method holds this object's lock, so markRedeemed is a true compare-and-set. */
public final class InMemoryAuthorizationCodes implements AuthorizationCodes {
    private final Map<TokenHash, AuthorizationCode> byHash = new HashMap<>();

    @Override
    public synchronized void add(AuthorizationCode code) {
        if (byHash.putIfAbsent(code.codeHash(), code) != null) {
            throw new IllegalStateException("authorization code hash already exists");
        }
    }

    @Override
    public synchronized Optional<AuthorizationCode> findByHash(TokenHash codeHash) {
        return Optional.ofNullable(byHash.get(codeHash));
    }

    @Override
    public synchronized boolean markRedeemed(TokenHash codeHash, Instant redeemedAt, ChainId producedChain) {
        AuthorizationCode code = byHash.get(codeHash);
        if (code == null || code.isRedeemed()) {
            return false;
        }
        byHash.put(codeHash, new AuthorizationCode(code.codeHash(), code.clientId(), code.userId(),
                code.redirectUri(), code.scopes(), code.resource(), code.challenge(), code.issuedAt(),
                code.expiresAt(), Optional.of(redeemedAt), Optional.of(producedChain)));
        return true;
    }

    @Override
    public synchronized int discardUnredeemed(UserId user, Optional<ClientId> client) {
        List<TokenHash> doomed = byHash.values().stream()
                .filter(code -> code.userId().equals(user) && !code.isRedeemed()
                        && client.map(code.clientId()::equals).orElse(true))
                .map(AuthorizationCode::codeHash)
                .toList();
        doomed.forEach(byHash::remove);
        return doomed.size();
    }

    @Override
    public synchronized int purgeExpiredBefore(Instant cutoff, int limit) {
        List<TokenHash> doomed = byHash.values().stream()
                .filter(code -> code.expiresAt().isBefore(cutoff))
                .sorted(Comparator.comparing(AuthorizationCode::expiresAt))
                .limit(limit)
                .map(AuthorizationCode::codeHash)
                .toList();
        doomed.forEach(byHash::remove);
        return doomed.size();
    }
}
