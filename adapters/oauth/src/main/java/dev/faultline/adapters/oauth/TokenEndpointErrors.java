package dev.faultline.adapters.oauth;

import dev.faultline.application.access.port.in.TokenOutcome;
import jakarta.ws.rs.core.Response;

/**
 * RFC 6749 §5.2 error responses of the token and revocation endpoints: 400, except invalid_client which is 401
 * and, when the client tried HTTP Basic, challenges it with {@code WWW-Authenticate: Basic}. Never cached.
 */
final class TokenEndpointErrors {
    private TokenEndpointErrors() {
    }

    static Response of(TokenOutcome.Error error, String description, boolean basicUsed) {
        boolean invalidClient = error == TokenOutcome.Error.INVALID_CLIENT;
        Response.ResponseBuilder builder = OAuthResponses.json(
                invalidClient ? Response.Status.UNAUTHORIZED : Response.Status.BAD_REQUEST,
                OAuthResponses.error(error.wireName(), description));
        if (invalidClient && basicUsed) {
            builder.header("WWW-Authenticate", ClientAuthenticationRequest.BASIC_CHALLENGE);
        }
        return OAuthResponses.noStore(builder).build();
    }

    static Response tooLarge(int maxBytes) {
        return OAuthResponses.noStore(OAuthResponses.json(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                OAuthResponses.error("invalid_request", "request body exceeds " + maxBytes + " bytes"))).build();
    }
}
