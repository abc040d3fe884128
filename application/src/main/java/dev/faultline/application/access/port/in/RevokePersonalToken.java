package dev.faultline.application.access.port.in;

import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.account.UserId;
import java.time.Instant;

/**
 * A signed-in user revokes one of their personal tokens; it stops working on the next request on every
 * instance. Another user's token is "not found", never "forbidden", so ids reveal nothing.
 */
public interface RevokePersonalToken {
    Outcome revoke(UserId owner, PersonalTokenId id);

    sealed interface Outcome {
        record Revoked(PersonalTokenSummary token) implements Outcome {
        }

        record AlreadyRevoked(Instant revokedAt) implements Outcome {
        }

        record NotFound(PersonalTokenId id) implements Outcome {
        }
    }
}
