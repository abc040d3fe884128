package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A signed-in user sees their personal tokens (newest first, revoked and expired ones until purged). */
public interface ListPersonalTokens {
    List<PersonalTokenSummary> list(UserId owner);

    /** What a user may see of one of their personal tokens: metadata only, never the token or its hash. */
    record PersonalTokenSummary(
            PersonalTokenId id,
            String title,
            Scopes scopes,
            Instant createdAt,
            Optional<Instant> lastUsedAt,
            Optional<Instant> expiresAt,
            Optional<Instant> revokedAt,
            Status status) {

        public enum Status { ACTIVE, EXPIRED, REVOKED }

        /** The summary of {@code token} as it stands at {@code now}. */
        public static PersonalTokenSummary of(PersonalToken token, Instant now) {
            Status status = token.authenticate(now).fold(
                    active -> Status.ACTIVE, revoked -> Status.REVOKED, expired -> Status.EXPIRED);
            return new PersonalTokenSummary(token.id(), token.title().value(), token.scopes(), token.createdAt(),
                    token.lastUsedAt(), token.expiresAt(), token.revokedAt(), status);
        }
    }
}
