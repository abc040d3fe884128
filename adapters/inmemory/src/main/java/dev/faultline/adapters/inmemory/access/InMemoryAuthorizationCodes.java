package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.TableLock;
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

/** Codes by hash; every method holds the {@link TableLock}, so markRedeemed is a true compare-and-set. */
public final class InMemoryAuthorizationCodes implements AuthorizationCodes {
    private final Map<TokenHash, AuthorizationCode> byHash = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byHash));

    @Override
    public void add(AuthorizationCode code) {
        table.write(() -> {
            if (byHash.putIfAbsent(code.codeHash(), code) != null) {
                throw new IllegalStateException("authorization code hash already exists");
            }
        });
    }

    @Override
    public Optional<AuthorizationCode> findByHash(TokenHash codeHash) {
        return table.read(() -> Optional.ofNullable(byHash.get(codeHash)));
    }

    @Override
    public boolean markRedeemed(TokenHash codeHash, Instant redeemedAt, ChainId producedChain) {
        return table.write(() -> {
            AuthorizationCode code = byHash.get(codeHash);
            if (code == null || code.isRedeemed()) {
                return false;
            }
            byHash.put(codeHash, new AuthorizationCode(code.codeHash(), code.clientId(), code.userId(),
                    code.redirectUri(), code.scopes(), code.resource(), code.challenge(), code.issuedAt(),
                    code.expiresAt(), Optional.of(redeemedAt), Optional.of(producedChain)));
            return true;
        });
    }

    @Override
    public int discardUnredeemed(UserId user, Optional<ClientId> client) {
        return table.write(() -> {
            List<TokenHash> doomed = byHash.values().stream()
                    .filter(code -> code.userId().equals(user) && !code.isRedeemed()
                            && client.map(code.clientId()::equals).orElse(true))
                    .map(AuthorizationCode::codeHash)
                    .toList();
            doomed.forEach(byHash::remove);
            return doomed.size();
        });
    }

    @Override
    public int purgeExpiredBefore(Instant cutoff, int limit) {
        return table.write(() -> {
            List<TokenHash> doomed = byHash.values().stream()
                    .filter(code -> code.expiresAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(AuthorizationCode::expiresAt))
                    .limit(limit)
                    .map(AuthorizationCode::codeHash)
                    .toList();
            doomed.forEach(byHash::remove);
            return doomed.size();
        });
    }
}
