package dev.faultline.application.access;

import dev.faultline.application.access.port.in.AuthenticatePersonalToken;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public final class AuthenticatePersonalTokenService implements AuthenticatePersonalToken {
    private final PersonalTokens tokens;
    private final Clock clock;

    public AuthenticatePersonalTokenService(PersonalTokens tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Outcome authenticate(String presented) {
        if (!PersonalTokenFormat.isWellFormed(presented)) {
            return new Outcome.Refused(Reason.MALFORMED);
        }
        TokenHash hash = TokenHash.of(presented);
        Optional<PersonalToken> found = tokens.findByHash(hash).filter(token -> token.tokenHash().matches(hash));
        if (found.isEmpty()) {
            return new Outcome.Refused(Reason.UNKNOWN);
        }
        PersonalToken token = found.get();
        Instant now = clock.instant();
        return token.authenticate(now).fold(
                active -> {
                    if (token.shouldRecordUse(now)) {
                        tokens.recordUse(token.id(), now, now.minus(PersonalToken.USE_RECORDING_INTERVAL));
                    }
                    return new Outcome.Authenticated(new Principal(token.owner(), token.scopes(), token.id()));
                },
                revoked -> new Outcome.Refused(Reason.REVOKED),
                expired -> new Outcome.Refused(Reason.EXPIRED));
    }
}
