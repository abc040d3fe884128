package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;

/** Authorization codes, by the hash of the code (the code itself is never stored). */
public interface AuthorizationCodes {
    /** Stores a newly issued code. A code hash that already exists is refused (IllegalStateException). */
    void add(AuthorizationCode code);

    Optional<AuthorizationCode> findByHash(TokenHash codeHash);

    /**
     * Atomically records the redemption: succeeds (true) only if the code exists and was not redeemed yet. Of
     * two concurrent redemptions exactly one wins; the loser sees false and reloads to find the replay.
     */
    boolean markRedeemed(TokenHash codeHash, Instant redeemedAt, ChainId producedChain);

    /**
     * Deletes the codes issued to {@code user} (for {@code client} only, if given) that were never redeemed, so a
     * code approved just before the user revoked access can no longer start a grant. Waits for a concurrent
     * redemption of such a code to finish; a redeemed code is kept (its chain is revoked instead). Returns how many.
     */
    int discardUnredeemed(UserId user, Optional<ClientId> client);

    /** Deletes at most {@code limit} codes that expired before {@code cutoff}; returns how many. */
    int purgeExpiredBefore(Instant cutoff, int limit);
}
