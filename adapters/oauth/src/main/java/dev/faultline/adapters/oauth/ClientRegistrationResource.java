package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.http.transport.ClientAddress;
import dev.faultline.adapters.http.transport.JsonContentType;
import dev.faultline.adapters.http.transport.StrictJson;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.ThrottleRegistrations;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.RedirectUri;
import dev.faultline.domain.access.RegistrationError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Anonymous Dynamic Client Registration (RFC 7591). The JSON body is parsed here (not by a Jersey reader), strictly
 * ({@link StrictJson}: UTF-8, no duplicate keys, no unpaired surrogates, no number beyond a double), so that
 * malformed JSON, a non-object, or a field of the wrong type becomes an {@code invalid_client_metadata}
 * error naming the field; unknown fields are ignored (§2). Limits: request size (413) and registrations per
 * client address (429 with Retry-After, per instance, see {@link ThrottleRegistrations}). Every response is
 * {@code Cache-Control: no-store}, since a successful one may carry the client secret (shown this once).
 */
@Path(ClientRegistrationResource.PATH)
@OAuthEndpoint
@OpenToBrowsers
public class ClientRegistrationResource {
    public static final String PATH = "/mcp/oauth/register";

    private final RegisterClient registerClient;
    private final RegistrationLimits limits;
    private final ThrottleRegistrations throttle;

    public ClientRegistrationResource(RegisterClient registerClient, ThrottleRegistrations throttle,
            RegistrationLimits limits) {
        this.registerClient = Objects.requireNonNull(registerClient);
        this.throttle = Objects.requireNonNull(throttle);
        this.limits = Objects.requireNonNull(limits);
    }

    @POST
    public Response register(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context HttpServletRequest request,
            InputStream body) throws IOException {
        Optional<Response> throttled = throttle.admit(ClientAddress.of(request, limits.trustForwardedFor())).fold(
                admitted -> Optional.empty(),
                limited -> Optional.of(tooManyRegistrations(limited.retryAfter())));
        if (throttled.isPresent()) {
            return throttled.get();
        }
        Optional<String> typeProblem = JsonContentType.problem(contentType);
        if (typeProblem.isPresent()) {
            return error(415, "invalid_request", typeProblem.get()).build();
        }
        if (RequestBody.declaredLengthExceeds(contentLength, limits.maxBodyBytes())) {
            return tooLarge();
        }
        Optional<byte[]> bytes = RequestBody.readAtMost(body, limits.maxBodyBytes());
        if (bytes.isEmpty()) {
            return tooLarge();
        }
        ClientRegistrationRequest parsed;
        try {
            parsed = parse(bytes.get());
        } catch (MetadataProblem e) {
            return error(400, RegistrationError.INVALID_CLIENT_METADATA.wireName(), e.getMessage()).build();
        }
        return registerClient.register(parsed).fold(
                registered -> OAuthResponses.noStore(OAuthResponses.json(Response.Status.CREATED,
                        clientInformation(registered.client(), registered.clientSecret()))).build(),
                refused -> error(400, refused.error().wireName(), refused.description()).build());
    }

    private static Response tooManyRegistrations(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return error(429, "temporarily_unavailable", "too many client registrations from this address; retry"
                + " in " + seconds + " seconds").header("Retry-After", seconds).build();
    }

    /** RFC 7591 §3.2.1: the issued credentials plus every registered metadata value, as stored. */
    private static Map<String, Object> clientInformation(Client client, Optional<String> secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client.id().value());
        body.put("client_id_issued_at", client.registeredAt().getEpochSecond());
        secret.ifPresent(s -> {
            body.put("client_secret", s);
            body.put("client_secret_expires_at", 0);
        });
        body.put("client_name", client.name());
        body.put("redirect_uris", client.redirectUris().stream().map(RedirectUri::value).toList());
        body.put("grant_types", client.grantTypes().stream().sorted(Comparator.naturalOrder())
                .map(GrantType::wireName).toList());
        body.put("response_types", List.of("code"));
        body.put("token_endpoint_auth_method", client.authMethod().wireName());
        body.put("scope", client.scopeCeiling().asString());
        client.clientUri().ifPresent(uri -> body.put("client_uri", uri));
        client.logoUri().ifPresent(uri -> body.put("logo_uri", uri));
        body.put("application_type", client.applicationType().wireName());
        return body;
    }

    private static ClientRegistrationRequest parse(byte[] bytes) throws MetadataProblem {
        StrictJson.Outcome parsed = StrictJson.parse(bytes);
        if (parsed instanceof StrictJson.Outcome.Refused refused) {
            throw new MetadataProblem("request body is not acceptable JSON: " + refused.reason()
                    + "; send the client metadata as a JSON object");
        }
        JsonNode root = ((StrictJson.Outcome.Parsed) parsed).value();
        if (!root.isObject()) {
            throw new MetadataProblem("request body must be a JSON object of client metadata, was " + kind(root));
        }
        return new ClientRegistrationRequest(string(root, "client_name"), strings(root, "redirect_uris"),
                strings(root, "grant_types"), strings(root, "response_types"),
                string(root, "token_endpoint_auth_method"), string(root, "scope"), string(root, "client_uri"),
                string(root, "logo_uri"), string(root, "application_type"));
    }

    /** An absent or null field is "not sent"; anything but a string is refused. */
    private static String string(JsonNode root, String field) throws MetadataProblem {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MetadataProblem(field + " must be a string, was " + kind(value));
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode root, String field) throws MetadataProblem {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new MetadataProblem(field + " must be an array of strings, was " + kind(value));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw new MetadataProblem(field + "[" + i + "] must be a string, was " + kind(element));
            }
            result.add(element.textValue());
        }
        return result;
    }

    private static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    private Response tooLarge() {
        return error(413, "invalid_request", "request body exceeds " + limits.maxBodyBytes() + " bytes").build();
    }

    private static Response.ResponseBuilder error(int status, String error, String description) {
        return OAuthResponses.noStore(OAuthResponses.json(status, OAuthResponses.error(error, description)));
    }

    /** A body that cannot even be read as client metadata; only ever leaves this class as a 400. */
    private static final class MetadataProblem extends Exception {
        MetadataProblem(String description) {
            super(description, null, false, false);
        }
    }
}
