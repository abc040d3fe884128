package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.util.Objects;
import java.util.function.Function;

/**
 * A request presents a personal token (as a Bearer token or in the {@code /mcp/{token}} path). A mistyped
 * or made-up token is refused by its format and checksum without touching the database.
 */
public interface AuthenticatePersonalToken {
    Outcome authenticate(String presented);

    /** Who is calling and what they may do. */
    record Principal(UserId user, Scopes scopes, PersonalTokenId tokenId) {
        public Principal {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused);

        record Authenticated(Principal principal) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused) {
                return authenticated.apply(this);
            }
        }

        /** The token is not accepted; the reason is for logs and metrics, the caller just gets a 401. */
        record Refused(Reason reason) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }

    enum Reason {
        /** Not a personal token: wrong prefix, length, alphabet or checksum. */
        MALFORMED,
        /** Well-formed but not stored (never issued, or purged). */
        UNKNOWN,
        REVOKED,
        EXPIRED
    }
}
