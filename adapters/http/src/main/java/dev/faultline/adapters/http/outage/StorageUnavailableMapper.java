package dev.faultline.adapters.http.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.shared.StorageUnavailable;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database cannot be reached right now ({@link StorageUnavailable}): that is not a bug, so no 500 and no
 * stack trace. Every endpoint answers {@code 503} with {@code Retry-After}, in its surface's own shape (an
 * {@link OutageAnswer} from the surface's module: an OAuth error, a JSON-RPC error, a page); a resource of no
 * surface answers {@code {"error":"temporarily_unavailable",…}} (RFC 6749 §4.1.2.1 names the code), never cached.
 * It logs one WARN line per failed request (no stack trace, no request path that could carry a token). The
 * failed unit of work was rolled back, so nothing changed.
 */
@Provider
public final class StorageUnavailableMapper implements ExceptionMapper<StorageUnavailable> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableMapper.class);
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final long retryAfterSeconds;
    private final List<OutageAnswer> surfaces;

    @Context
    private UriInfo uri;
    @Context
    private Request request;
    @Context
    private ResourceInfo resource;

    public StorageUnavailableMapper(Duration retryAfter, List<OutageAnswer> surfaces) {
        if (retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("Retry-After must be at least one second, not " + retryAfter);
        }
        this.retryAfterSeconds = retryAfter.toSeconds();
        this.surfaces = List.copyOf(surfaces);
    }

    @Override
    public Response toResponse(StorageUnavailable exception) {
        Optional<OutageAnswer> surface = surfaces.stream().filter(s -> s.covers(resource)).findFirst();
        String path = stripLeadingSlash(uri.getPath());
        LOG.warn("Database unavailable; answered 503 to {} {}: {}", request.getMethod(),
                surface.map(s -> s.logLabel(path)).orElse("/" + path), exception.getMessage());
        String retry = "try again in " + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s");
        Response.ResponseBuilder unavailable = Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return surface.map(s -> s.answer(unavailable, retry)).orElseGet(() -> unavailable.type(JSON_UTF8)
                .entity(oauthStyleError("Faultline's database is unavailable; " + retry))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String oauthStyleError(String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "temporarily_unavailable");
        body.put("error_description", description);
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
