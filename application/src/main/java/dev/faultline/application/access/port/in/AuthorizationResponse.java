package dev.faultline.application.access.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What follows the user's Approve or Deny: a redirect back to the client, or (client or redirect URI no longer
 * valid) a local error page, never a redirect.
 */
public sealed interface AuthorizationResponse {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(
            Function<RedirectTo, R> redirectTo, Function<ErrorPage, R> errorPage,
            Function<ScopeChoiceRefused, R> scopeChoiceRefused);

    record RedirectTo(Redirect redirect) implements AuthorizationResponse {
        @Override
        public <R> R fold(
                Function<RedirectTo, R> redirectTo, Function<ErrorPage, R> errorPage,
                Function<ScopeChoiceRefused, R> scopeChoiceRefused) {
            return redirectTo.apply(this);
        }
    }

    /** Shown to the user; never a redirect, because the redirect URI can no longer be trusted. */
    record ErrorPage(String message) implements AuthorizationResponse {
        @Override
        public <R> R fold(
                Function<RedirectTo, R> redirectTo, Function<ErrorPage, R> errorPage,
                Function<ScopeChoiceRefused, R> scopeChoiceRefused) {
            return errorPage.apply(this);
        }
    }

    /**
     * The person's choice of scopes cannot be granted (nothing ticked, or a tick for a scope the request did not
     * offer); nothing was issued, and the person may go back and choose again.
     */
    record ScopeChoiceRefused(String message) implements AuthorizationResponse {
        @Override
        public <R> R fold(
                Function<RedirectTo, R> redirectTo, Function<ErrorPage, R> errorPage,
                Function<ScopeChoiceRefused, R> scopeChoiceRefused) {
            return scopeChoiceRefused.apply(this);
        }
    }

    /**
     * Where to send the browser back to, with which query parameters ({@code code} + {@code state}, or
     * {@code error} + {@code error_description} + {@code state}). The HTTP adapter adds {@code iss} (RFC 9207)
     * and encodes the query. toString never shows the code.
     */
    record Redirect(String redirectUri, Map<String, String> parameters) {
        public Redirect {
            Objects.requireNonNull(redirectUri, "redirectUri");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        public static Redirect withCode(String redirectUri, String code, Optional<String> state) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("code", code);
            state.ifPresent(s -> parameters.put("state", s));
            return new Redirect(redirectUri, parameters);
        }

        public static Redirect withError(String redirectUri, Error error, String description,
                Optional<String> state) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", error.wireName());
            parameters.put("error_description", description);
            state.ifPresent(s -> parameters.put("state", s));
            return new Redirect(redirectUri, parameters);
        }

        public Optional<String> parameter(String name) {
            return Optional.ofNullable(parameters.get(name));
        }

        @Override
        public String toString() {
            Map<String, String> shown = new LinkedHashMap<>(parameters);
            shown.computeIfPresent("code", (k, v) -> "<redacted>");
            return "Redirect[" + redirectUri + ", " + shown + "]";
        }
    }

    /** Errors sent back to the client's redirect URI (RFC 6749 §4.1.2.1, RFC 8707). */
    enum Error {
        INVALID_REQUEST("invalid_request"),
        UNAUTHORIZED_CLIENT("unauthorized_client"),
        ACCESS_DENIED("access_denied"),
        UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
        INVALID_SCOPE("invalid_scope"),
        INVALID_TARGET("invalid_target");

        private final String wireName;

        Error(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
