package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.FormParameters;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.domain.access.ClientAuthMethod;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The step the token and revocation endpoints share after reading the form: how the client identified itself.
 * HTTP Basic (client_secret_basic; RFC 6749 §2.3.1: id and secret are form-urlencoded before base64),
 * client_id + client_secret in the body (client_secret_post), or client_id alone (none). It only reports what it
 * saw, typed as one {@link ClientCredentials} variant; whether that method is acceptable for the client is the use
 * case's decision. A request that cannot be read is answered here ({@link Result.Problem#response}).
 */
final class ClientAuthenticationRequest {
    static final String BASIC_CHALLENGE = "Basic realm=\"faultline\"";

    private ClientAuthenticationRequest() {
    }

    static Result read(String authorizationHeader, FormParameters form) {
        if (authorizationHeader != null && !authorizationHeader.isBlank()) {
            return fromBasic(authorizationHeader.strip(), form);
        }
        String clientId = form.get("client_id");
        if (clientId == null) {
            return new Result.Problem(TokenOutcome.Error.INVALID_CLIENT, "client authentication is required: send"
                    + " client_id (public clients), client_id and client_secret, or HTTP Basic credentials", false);
        }
        Optional<ClientId> id = clientId(clientId);
        if (id.isEmpty()) {
            return unknownClient(false);
        }
        String secret = form.get("client_secret");
        return new Result.Read(secret == null
                ? new ClientCredentials.PublicClient(id.get())
                : new ClientCredentials.SecretPost(id.get(), secret));
    }

    private static Result fromBasic(String header, FormParameters form) {
        int space = header.indexOf(' ');
        if (space < 0 || !"basic".equals(header.substring(0, space).toLowerCase(Locale.ROOT))) {
            return new Result.Problem(TokenOutcome.Error.INVALID_CLIENT,
                    "unsupported Authorization scheme; clients authenticate with HTTP Basic", true);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(space + 1).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return malformedBasic();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return malformedBasic();
        }
        String clientId;
        String secret;
        try {
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return malformedBasic();
        }
        if (form.has("client_secret")) {
            return new Result.Problem(TokenOutcome.Error.INVALID_REQUEST, "the client authenticated with both HTTP"
                    + " Basic and a client_secret in the body; use exactly one method", true);
        }
        if (form.has("client_id") && !form.get("client_id").equals(clientId)) {
            return new Result.Problem(TokenOutcome.Error.INVALID_REQUEST,
                    "client_id in the body does not match the client_id of the HTTP Basic credentials", true);
        }
        Optional<ClientId> id = clientId(clientId);
        if (id.isEmpty()) {
            return unknownClient(true);
        }
        return new Result.Read(new ClientCredentials.SecretBasic(id.get(), secret));
    }

    private static Optional<ClientId> clientId(String raw) {
        try {
            return Optional.of(new ClientId(raw));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    /** A client_id that cannot even be an id cannot be registered: the same answer as an unknown one. */
    private static Result unknownClient(boolean basic) {
        return new Result.Problem(TokenOutcome.Error.INVALID_CLIENT, "client_id is not a registered client", basic);
    }

    private static Result malformedBasic() {
        return new Result.Problem(TokenOutcome.Error.INVALID_CLIENT, "malformed HTTP Basic credentials: expected"
                + " base64(urlencode(client_id) \":\" urlencode(client_secret)) (RFC 6749 section 2.3.1)", true);
    }

    sealed interface Result {
        /** The client tried HTTP Basic, so a failure must challenge it with WWW-Authenticate. */
        boolean basic();

        <R> R fold(Function<Read, R> read, Function<Problem, R> problem);

        record Read(ClientCredentials credentials) implements Result {
            @Override
            public <R> R fold(Function<Read, R> read, Function<Problem, R> problem) {
                return read.apply(this);
            }

            @Override
            public boolean basic() {
                return credentials.methodUsed() == ClientAuthMethod.CLIENT_SECRET_BASIC;
            }

            /** The error response for a use case's refusal of these credentials or of the request. */
            Response error(TokenOutcome.Error error, String description) {
                return TokenEndpointErrors.of(error, description, basic());
            }
        }

        record Problem(TokenOutcome.Error error, String description, boolean basic) implements Result {
            @Override
            public <R> R fold(Function<Read, R> read, Function<Problem, R> problem) {
                return problem.apply(this);
            }

            Response response() {
                return TokenEndpointErrors.of(error, description, basic);
            }
        }
    }
}
