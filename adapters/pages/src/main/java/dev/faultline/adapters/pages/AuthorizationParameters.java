package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.BeginAuthorization;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of an authorization request (RFC 6749 §4.1.1, PKCE, RFC 8707) as they arrived, in the query
 * of the GET or the hidden fields of the consent form. RFC 6749 §3.1: a parameter must not appear twice.
 */
record AuthorizationParameters(String clientId, String redirectUri, String responseType, String scope, String state,
        String codeChallenge, String codeChallengeMethod, String resource, List<String> repeated) {

    static final List<String> NAMES = List.of("client_id", "redirect_uri", "response_type", "scope", "state",
            "code_challenge", "code_challenge_method", "resource");

    static AuthorizationParameters from(MultivaluedMap<String, String> values) {
        List<String> repeated = new ArrayList<>();
        for (String name : NAMES) {
            List<String> all = values.get(name);
            if (all != null && all.size() > 1) {
                repeated.add(name);
            }
        }
        return new AuthorizationParameters(values.getFirst("client_id"), values.getFirst("redirect_uri"),
                values.getFirst("response_type"), values.getFirst("scope"), values.getFirst("state"),
                values.getFirst("code_challenge"), values.getFirst("code_challenge_method"),
                values.getFirst("resource"), List.copyOf(repeated));
    }

    BeginAuthorization.Request request() {
        return new BeginAuthorization.Request(clientId, redirectUri, responseType, scope, state, codeChallenge,
                codeChallengeMethod, resource);
    }

    /** Client or redirect URI given twice: neither can be trusted, so not even an error may be sent there. */
    boolean repeatsClientOrRedirect() {
        return repeated.contains("client_id") || repeated.contains("redirect_uri");
    }

    Optional<String> repetitionProblem() {
        return repeated.isEmpty() ? Optional.empty()
                : Optional.of("parameter" + (repeated.size() > 1 ? "s " : " ") + String.join(", ", repeated)
                        + (repeated.size() > 1 ? " were" : " was") + " sent more than once");
    }

    List<String> values() {
        List<String> values = new ArrayList<>();
        values.add(clientId);
        values.add(redirectUri);
        values.add(responseType);
        values.add(scope);
        values.add(state);
        values.add(codeChallenge);
        values.add(codeChallengeMethod);
        values.add(resource);
        return values;
    }

    /** The present parameters as hidden form fields of the consent page. */
    List<ConsentView.Field> hiddenFields() {
        List<ConsentView.Field> fields = new ArrayList<>();
        List<String> values = values();
        for (int i = 0; i < NAMES.size(); i++) {
            if (values.get(i) != null) {
                fields.add(new ConsentView.Field(NAMES.get(i), values.get(i)));
            }
        }
        return fields;
    }

    /** This request as a path on this server, for coming back after signing in. */
    String authorizePath() {
        StringBuilder path = new StringBuilder(AuthorizeResource.PATH);
        char separator = '?';
        List<String> values = values();
        for (int i = 0; i < NAMES.size(); i++) {
            if (values.get(i) != null) {
                path.append(separator).append(NAMES.get(i)).append('=').append(RedirectUris.encode(values.get(i)));
                separator = '&';
            }
        }
        return path.toString();
    }
}
