package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RevokeIntegration;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.util.Objects;

public class RevokeIntegrationService implements RevokeIntegration {
    private final TokenChains chains;
    private final Clock clock;

    public RevokeIntegrationService(TokenChains chains, Clock clock) {
        this.chains = Objects.requireNonNull(chains);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result revoke(UserId user, ClientId client) {
        return new Result(chains.revokeAllFor(user, client, RevocationReason.USER_REVOKED, clock.instant()));
    }
}
