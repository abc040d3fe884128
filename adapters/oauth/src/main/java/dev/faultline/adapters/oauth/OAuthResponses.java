package dev.faultline.adapters.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON responses of the OAuth endpoints. Bodies are serialised here to a String (so the output does not depend
 * on which JSON provider the application registers, and {@link OAuthErrorResponseFilter} can tell these bodies
 * from framework error bodies).
 */
final class OAuthResponses {
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OAuthResponses() {
    }

    static Response.ResponseBuilder json(Response.Status status, Map<String, ?> body) {
        return json(status.getStatusCode(), body);
    }

    static Response.ResponseBuilder json(int status, Map<String, ?> body) {
        return Response.status(status).type(JSON).entity(write(body));
    }

    /** An RFC 6749 §5.2 / RFC 7591 §3.2.2 error body. */
    static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    /** RFC 6749 §5.1: token responses (and anything carrying a secret) must not be cached. */
    static Response.ResponseBuilder noStore(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    static String write(Map<String, ?> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response body of plain values", e);
        }
    }
}
