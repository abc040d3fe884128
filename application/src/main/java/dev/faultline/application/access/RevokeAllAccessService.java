package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

public class RevokeAllAccessService implements RevokeAllAccess {
    private final TokenChains chains;
    private final PersonalTokens tokens;
    private final Transactions transactions;
    private final Clock clock;

    public RevokeAllAccessService(TokenChains chains, PersonalTokens tokens, Transactions transactions, Clock clock) {
        this.chains = Objects.requireNonNull(chains);
        this.tokens = Objects.requireNonNull(tokens);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result revokeAll(UserId user) {
        Objects.requireNonNull(user, "user");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Set<ClientId> clients = new LinkedHashSet<>();
            chains.listActiveFor(user, now).stream().map(TokenChain::clientId).forEach(clients::add);
            int revokedChains = 0;
            for (ClientId client : clients) {
                revokedChains += chains.revokeAllFor(user, client, RevocationReason.USER_REVOKED, now);
            }
            int revokedTokens = 0;
            for (PersonalToken token : tokens.listForUser(user)) {
                if (token.authenticate(now) instanceof PersonalToken.Authentication.Active
                        && tokens.revoke(token.id(), now)) {
                    revokedTokens++;
                }
            }
            return new Result(revokedChains, revokedTokens);
        });
    }
}
