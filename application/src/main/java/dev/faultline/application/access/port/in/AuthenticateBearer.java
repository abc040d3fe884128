package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides who is behind a bearer token presented to the MCP resource: an OAuth access token (a JWT verified
 * locally — signature, issuer, audience = this MCP resource, expiry — whose chain must still be active, so a
 * revocation on any instance takes effect at the next request) or a personal access token.
 */
public interface AuthenticateBearer {
    /**
     * A token from the {@code Authorization} header. An access token's caller gets the scopes the token claims
     * <em>and</em> its grant holds (the grant is the authority, not the signed claims).
     */
    Outcome authenticate(String presented);

    /**
     * A token from the personal-token URL form ({@code /mcp/{token}}): only a well-formed personal token (prefix
     * and checksum) is accepted there; an access token or any other string is refused like an invalid token,
     * without being looked up (URLs end up in histories and proxy logs; only revocable personal tokens may).
     */
    Outcome authenticateInUrl(String presented);

    /** The person calling, what the token allows, and which grant it comes from. */
    record Caller(UserId user, Scopes scopes, Grant grant) {
        public Caller {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(grant, "grant");
        }

        public boolean may(Scope scope) {
            return scopes.includes(scope);
        }

        /** The caller as the tracker sees them: the person, with what the token's scopes permit. */
        public Actor actor() {
            return new Actor(user, scopes.permissions());
        }

        /**
         * Whether authorizing again can widen what this caller may do: an OAuth grant can (the 403
         * {@code insufficient_scope} step-up); a personal token never can, its scopes are fixed when it is created.
         */
        public boolean canStepUp() {
            return grant.fold(oAuth -> true, personalToken -> false);
        }
    }

    /** Where a caller's authority comes from. */
    sealed interface Grant {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<OAuth, R> oAuth, Function<PersonalToken, R> personalToken);

        record OAuth(ClientId clientId, ChainId chainId) implements Grant {
            @Override
            public <R> R fold(Function<OAuth, R> oAuth, Function<PersonalToken, R> personalToken) {
                return oAuth.apply(this);
            }
        }

        record PersonalToken(PersonalTokenId tokenId) implements Grant {
            @Override
            public <R> R fold(Function<OAuth, R> oAuth, Function<PersonalToken, R> personalToken) {
                return personalToken.apply(this);
            }
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused);

        record Authenticated(Caller caller) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused) {
                return authenticated.apply(this);
            }
        }

        /** {@code reason} is safe to show the client (an RFC 6750 {@code error_description}); never the token. */
        record Refused(String reason) implements Outcome {
            @Override
            public <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }
}
