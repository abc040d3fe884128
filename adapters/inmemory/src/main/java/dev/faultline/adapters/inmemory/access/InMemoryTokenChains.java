package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.IssuedRefresh;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chains by id plus an index of every refresh hash ever issued (with its chain and generation). Every method holds the {@link TableLock}, so
 * rotate is a true compare-and-set and never interleaves with a revocation.
 */
public final class InMemoryTokenChains implements TokenChains {
    private final Map<ChainId, TokenChain> byId = new HashMap<>();
    private final Map<TokenHash, IssuedRefresh> byRefreshHash = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId, byRefreshHash));
    private final InMemoryChainChanges changes = new InMemoryChainChanges();

    /** The changes that can alter admission of this store's chains (see {@link ChainChanges}). */
    public ChainChanges changes() {
        return changes;
    }

    @Override
    public void add(TokenChain chain) {
        table.write(() -> {
            if (byId.containsKey(chain.id())) {
                throw new IllegalStateException("chain id already exists");
            }
            if (chain.generation() != 1) {
                throw new IllegalArgumentException("a new chain starts at generation 1");
            }
            if (byRefreshHash.containsKey(chain.currentRefresh())) {
                throw new IllegalStateException("refresh token hash already issued");
            }
            byId.put(chain.id(), chain);
            byRefreshHash.put(chain.currentRefresh(), chain.current());
        });
    }

    @Override
    public Optional<TokenChain> findById(ChainId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<IssuedRefresh> findIssuedRefresh(TokenHash refreshHash) {
        return table.read(() -> Optional.ofNullable(byRefreshHash.get(refreshHash)));
    }

    @Override
    public boolean rotate(ChainId id, TokenHash expectedCurrent, TokenChain next) {
        List<ChainId> changed = new java.util.ArrayList<>(1);
        boolean rotated = table.write(() -> {
            TokenChain stored = byId.get(id);
            if (stored == null || stored.isRevoked() || !stored.currentRefresh().equals(expectedCurrent)) {
                return false;
            }
            if (!next.id().equals(id) || next.generation() != stored.generation() + 1
                    || byRefreshHash.containsKey(next.currentRefresh())) {
                throw new IllegalStateException("next is not a rotation of the stored chain");
            }
            byId.put(id, next);
            byRefreshHash.put(next.currentRefresh(), next.current());
            if (next.refreshExpiresAt().isBefore(stored.refreshExpiresAt())) {
                changed.add(id);
            }
            return true;
        });
        changes.announce(changed);
        return rotated;
    }

    @Override
    public void revoke(ChainId id, RevocationReason reason, Instant at) {
        table.write(() -> {
            byId.computeIfPresent(id, (key, chain) -> chain.revoke(reason, at));
        });
        changes.announce(List.of(id));
    }

    @Override
    public int revokeAllFor(UserId user, ClientId client, RevocationReason reason, Instant at) {
        List<ChainId> revoked = table.write(() -> {
            List<TokenChain> targets = byId.values().stream()
                    .filter(c -> c.userId().equals(user) && c.clientId().equals(client) && !c.isRevoked())
                    .toList();
            targets.forEach(c -> byId.put(c.id(), c.revoke(reason, at)));
            return targets.stream().map(TokenChain::id).toList();
        });
        changes.announce(revoked);
        return revoked.size();
    }

    @Override
    public int revokeAllFor(UserId user, RevocationReason reason, Instant at) {
        List<ChainId> revoked = table.write(() -> {
            List<ChainId> doomed = byId.values().stream()
                    .filter(c -> c.userId().equals(user) && !c.isRevoked())
                    .map(TokenChain::id)
                    .toList();
            doomed.forEach(id -> byId.computeIfPresent(id, (key, chain) -> chain.revoke(reason, at)));
            return doomed;
        });
        changes.announce(revoked);
        return revoked.size();
    }

    @Override
    public List<TokenChain> listActiveFor(UserId user, Instant now) {
        return table.read(() -> byId.values().stream()
                .filter(c -> c.userId().equals(user) && c.isActiveAt(now))
                .sorted(Comparator.comparing(TokenChain::createdAt))
                .toList());
    }

    @Override
    public List<TokenChain> listRevokedFor(UserId user, Set<RevocationReason> reasons, int limit) {
        return table.read(() -> byId.values().stream()
                .filter(c -> c.userId().equals(user)
                        && c.revocation().map(revocation -> reasons.contains(revocation.reason())).orElse(false))
                .sorted(Comparator.comparing((TokenChain c) -> c.revocation().orElseThrow().at()).reversed())
                .limit(limit)
                .toList());
    }

    @Override
    public boolean recordUse(ChainId id, Instant at, Instant notBefore) {
        return table.write(() -> {
            TokenChain chain = byId.get(id);
            if (chain == null || chain.lastUsedAt().map(used -> !used.isBefore(notBefore)).orElse(false)) {
                return false;
            }
            byId.put(id, chain.usedAt(at));
            return true;
        });
    }

    @Override
    public int purgeEndedBefore(Instant cutoff, Instant theftSignalCutoff, int limit) {
        List<ChainId> purged = table.write(() -> {
            List<TokenChain> doomed = byId.values().stream()
                    .filter(c -> c.revocation().filter(r -> r.reason().isTheftSignal())
                            .map(r -> r.at().isBefore(theftSignalCutoff))
                            .orElseGet(() -> c.refreshExpiresAt().isBefore(cutoff)
                                    || c.revocation().map(r -> r.at().isBefore(cutoff)).orElse(false)))
                    .limit(limit)
                    .toList();
            Set<ChainId> doomedIds = new java.util.HashSet<>();
            doomed.forEach(chain -> doomedIds.add(chain.id()));
            doomedIds.forEach(byId::remove);
            byRefreshHash.values().removeIf(issued -> doomedIds.contains(issued.chainId()));
            return doomed.stream().map(TokenChain::id).toList();
        });
        changes.announce(purged);
        return purged.size();
    }
}
