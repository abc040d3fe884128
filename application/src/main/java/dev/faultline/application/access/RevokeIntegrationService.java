package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RevokeIntegration;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * As {@link RevokeAllAccessService} does for everything: the person's grants are held first, then the client's
 * unredeemed codes go, then its chains.
 */
public class RevokeIntegrationService implements RevokeIntegration {
    private final GrantLocks locks;
    private final AuthorizationCodes codes;
    private final TokenChains chains;
    private final Transactions transactions;
    private final Clock clock;

    public RevokeIntegrationService(GrantLocks locks, AuthorizationCodes codes, TokenChains chains,
            Transactions transactions, Clock clock) {
        this.locks = Objects.requireNonNull(locks);
        this.codes = Objects.requireNonNull(codes);
        this.chains = Objects.requireNonNull(chains);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result revoke(UserId user, ClientId client) {
        return transactions.inTransaction(() -> {
            locks.lockForRevoking(user);
            codes.discardUnredeemed(user, Optional.of(client));
            return new Result(chains.revokeAllFor(user, client, RevocationReason.USER_REVOKED, clock.instant()));
        });
    }
}
