package dev.faultline.application.access.port.in;

import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.function.Function;

/**
 * A signed-in user revokes one of their personal tokens; it stops working on the next request on every
 * instance. Another user's token is "not found", never "forbidden", so ids reveal nothing.
 */
public interface RevokePersonalToken {
    Outcome revoke(UserId owner, PersonalTokenId id);

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked,
                Function<NotFound, R> notFound);

        record Revoked(PersonalTokenSummary token) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked,
                    Function<NotFound, R> notFound) {
                return revoked.apply(this);
            }
        }

        record AlreadyRevoked(Instant revokedAt) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked,
                    Function<NotFound, R> notFound) {
                return alreadyRevoked.apply(this);
            }
        }

        record NotFound(PersonalTokenId id) implements Outcome {
            @Override
            public <R> R fold(
                    Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked,
                    Function<NotFound, R> notFound) {
                return notFound.apply(this);
            }
        }
    }
}
