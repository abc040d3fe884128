package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.GrantLocks;
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
 * Set-based, not a loop over what was listed, and first of all holding the person's grants: a code, chain or
 * personal token being issued while this runs is waited for and then cut off too, and none can start until this
 * has committed. The unredeemed codes go next, so none can start a chain afterwards.
 */
public class RevokeAllAccessService implements RevokeAllAccess {
    private final GrantLocks locks;
    private final AuthorizationCodes codes;
    private final TokenChains chains;
    private final PersonalTokens tokens;
    private final BrowserSessions sessions;
    private final Transactions transactions;
    private final Clock clock;

    public RevokeAllAccessService(GrantLocks locks, AuthorizationCodes codes, TokenChains chains,
            PersonalTokens tokens, BrowserSessions sessions, Transactions transactions, Clock clock) {
        this.locks = Objects.requireNonNull(locks);
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
            locks.lockForRevoking(user);
            codes.discardUnredeemed(user, Optional.empty());
            int revokedChains = chains.revokeAllFor(user, RevocationReason.USER_REVOKED, now);
            int revokedTokens = tokens.revokeAllFor(user, now);
            int endedSessions = command.endBrowserSessions() ? sessions.revokeAllFor(user, now) : 0;
            return new Result(revokedChains, revokedTokens, endedSessions);
        });
    }
}
