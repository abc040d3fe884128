package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.Scopes;
import java.time.Instant;
import java.util.Optional;

/** What a user may see of one of their personal tokens: metadata only, never the token or its hash. */
public record PersonalTokenSummary(
        PersonalTokenId id,
        String title,
        Scopes scopes,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Status status) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public static PersonalTokenSummary of(PersonalToken token, Instant now) {
        PersonalToken.Authentication state = token.authenticate(now);
        Status status = state instanceof PersonalToken.Authentication.Revoked ? Status.REVOKED
                : state instanceof PersonalToken.Authentication.Expired ? Status.EXPIRED
                : Status.ACTIVE;
        return new PersonalTokenSummary(token.id(), token.title().value(), token.scopes(), token.createdAt(),
                token.lastUsedAt(), token.expiresAt(), token.revokedAt(), status);
    }
}
