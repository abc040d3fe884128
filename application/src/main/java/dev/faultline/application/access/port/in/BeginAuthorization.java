package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.ScopeOffer;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates an authorization request (RFC 6749 §4.1.1 + PKCE + RFC 8707 resource) before the consent page.
 * A bad client_id or redirect_uri gives a local error page, never a redirect (RFC 6749 §4.1.2.1); every other
 * problem is reported to the client's redirect URI.
 */
public interface BeginAuthorization {
    /**
     * {@code from}: the client address the request came from, against which a client metadata document fetch
     * counts ({@link Outcome.TooManyFetches} beyond the limit).
     */
    Outcome begin(Request request, RemoteAddress from);

    /** From {@link RemoteAddress#UNKNOWN} (a call without a network peer). */
    default Outcome begin(Request request) {
        return begin(request, RemoteAddress.UNKNOWN);
    }

    /** The authorization request's query parameters, raw; absent ones are {@code null} (blank counts as absent). */
    record Request(String clientId, String redirectUri, String responseType, String scope, String state,
            String codeChallenge, String codeChallengeMethod, String resource) {
        public Request {
            clientId = blankToNull(clientId);
            redirectUri = blankToNull(redirectUri);
            responseType = blankToNull(responseType);
            scope = blankToNull(scope);
            state = blankToNull(state);
            codeChallenge = blankToNull(codeChallenge);
            codeChallengeMethod = blankToNull(codeChallengeMethod);
            resource = blankToNull(resource);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /**
     * An authorization request that passed every check: what the user is asked to approve. The HTTP adapter
     * carries it from the consent page to the Approve/Deny form post (integrity-protected there); approve and
     * deny re-check the client and redirect URI, since the client may have gone meanwhile.
     *
     * @param redirectUri the redirect URI exactly as the client sent it (the code is bound to this string)
     */
    record ValidRequest(ClientId clientId, String redirectUri, Scopes scopes, ProtectedResource resource,
            PkceChallenge challenge, Optional<String> state) {
        public ValidRequest {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(state, "state");
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<ShowConsent, R> showConsent, Function<RedirectWithError, R> redirectWithError,
                Function<ErrorPage, R> errorPage, Function<TooManyFetches, R> tooManyFetches);

        /**
         * Ask the signed-in user. {@code selfRegistered}: the client's name is its own unverified claim.
         * {@code redirectHost}: where the user will be sent. {@code scopeChoices}: one checkbox per scope the
         * person may grant, in order, each saying whether it starts ticked.
         * {@code verifiedOrigin}: for a client identified by its metadata document, the host of its client ID
         * URL ("identified by claude.ai"). {@code loopbackOnlyWarning}: such a client redirects only to
         * loopback addresses, so any program on the person's computer could claim to be it.
         */
        record ShowConsent(ValidRequest request, String clientName, boolean selfRegistered,
                String redirectHost, List<ScopeOffer.Choice> scopeChoices, Optional<String> verifiedOrigin,
                boolean loopbackOnlyWarning) implements Outcome {
            public ShowConsent {
                scopeChoices = List.copyOf(scopeChoices);
                Objects.requireNonNull(verifiedOrigin, "verifiedOrigin");
            }

            public ShowConsent(ValidRequest request, String clientName, boolean selfRegistered, String redirectHost,
                    List<ScopeOffer.Choice> scopeChoices) {
                this(request, clientName, selfRegistered, redirectHost, scopeChoices, Optional.empty(), false);
            }

            @Override
            public <R> R fold(
                    Function<ShowConsent, R> showConsent, Function<RedirectWithError, R> redirectWithError,
                    Function<ErrorPage, R> errorPage, Function<TooManyFetches, R> tooManyFetches) {
                return showConsent.apply(this);
            }
        }

        record RedirectWithError(AuthorizationResponse.Redirect redirect) implements Outcome {
            @Override
            public <R> R fold(
                    Function<ShowConsent, R> showConsent, Function<RedirectWithError, R> redirectWithError,
                    Function<ErrorPage, R> errorPage, Function<TooManyFetches, R> tooManyFetches) {
                return redirectWithError.apply(this);
            }
        }

        /** Unknown client or unregistered redirect URI: shown locally, never redirected. */
        record ErrorPage(String message) implements Outcome {
            @Override
            public <R> R fold(
                    Function<ShowConsent, R> showConsent, Function<RedirectWithError, R> redirectWithError,
                    Function<ErrorPage, R> errorPage, Function<TooManyFetches, R> tooManyFetches) {
                return errorPage.apply(this);
            }
        }

        /**
         * The client's metadata document would have to be fetched, and the requesting address has had its share
         * of fetches: the client is unverified, so this is shown locally, never redirected; {@code retryAfter}
         * says when a fetch is allowed again.
         */
        record TooManyFetches(String message, Duration retryAfter) implements Outcome {
            public TooManyFetches {
                Objects.requireNonNull(message, "message");
                Objects.requireNonNull(retryAfter, "retryAfter");
            }

            @Override
            public <R> R fold(
                    Function<ShowConsent, R> showConsent, Function<RedirectWithError, R> redirectWithError,
                    Function<ErrorPage, R> errorPage, Function<TooManyFetches, R> tooManyFetches) {
                return tooManyFetches.apply(this);
            }
        }
    }
}
