package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Set-based, not a loop over what was listed: a grant that starts while this runs is cut off too. The unredeemed
 * codes go first, because discarding waits for a code being redeemed right now; the chain it produced is then
 * visible to the revocation that follows.
 */
public class RevokeAllAccessService implements RevokeAllAccess {
    private final AuthorizationCodes codes;
    private final TokenChains chains;
    private final PersonalTokens tokens;
    private final BrowserSessions sessions;
    private final Transactions transactions;
    private final Clock clock;

    public RevokeAllAccessService(AuthorizationCodes codes, TokenChains chains, PersonalTokens tokens,
            BrowserSessions sessions, Transactions transactions, Clock clock) {
        this.codes = Objects.requireNonNull(codes);
        this.chains = Objects.requireNonNull(chains);
        this.tokens = Objects.requireNonNull(tokens);
        this.sessions = Objects.requireNonNull(sessions);
        this.transactions = Objects.requireNonNull(transactions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result revokeAll(Command command) {
        UserId user = command.user();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            codes.discardUnredeemed(user, Optional.empty());
            int revokedChains = chains.revokeAllFor(user, RevocationReason.USER_REVOKED, now);
            int revokedTokens = tokens.revokeAllFor(user, now);
            int endedSessions = command.endBrowserSessions() ? sessions.revokeAllFor(user, now) : 0;
            return new Result(revokedChains, revokedTokens, endedSessions);
        });
    }
}
