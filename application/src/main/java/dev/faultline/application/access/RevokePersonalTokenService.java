package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.application.access.port.in.RevokePersonalToken;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class RevokePersonalTokenService implements RevokePersonalToken {
    private final PersonalTokens tokens;
    private final Clock clock;

    public RevokePersonalTokenService(PersonalTokens tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome revoke(UserId owner, PersonalTokenId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Optional<PersonalToken> found = tokens.findById(id).filter(token -> token.isOwnedBy(owner));
        if (found.isEmpty()) {
            return new Outcome.NotFound(id);
        }
        Instant now = clock.instant();
        return found.get().revoke(now).fold(
                revoked -> store(revoked.token(), now),
                already -> new Outcome.AlreadyRevoked(already.revokedAt()));
    }

    private Outcome store(PersonalToken revoked, Instant now) {
        PersonalTokenId id = revoked.id();
        if (tokens.revoke(id, now)) {
            return new Outcome.Revoked(PersonalTokenSummary.of(revoked, now));
        }
        // Another request revoked it between our read and our write: report the time that was kept.
        return tokens.findById(id)
                .flatMap(PersonalToken::revokedAt)
                .<Outcome>map(Outcome.AlreadyRevoked::new)
                .orElseGet(() -> new Outcome.NotFound(id));
    }
}
