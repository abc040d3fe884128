package dev.faultline.adapters.http.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.adapters.http.pages.ErrorView;
import dev.faultline.adapters.http.pages.PageResponse;
import dev.faultline.adapters.http.pages.PageSecurityHeaders;
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
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database cannot be reached right now ({@link StorageUnavailable}): that is not a bug, so no 500 and no
 * stack trace. Every endpoint answers {@code 503} with {@code Retry-After}, in its own shape:
 * <ul>
 *   <li>the OAuth endpoints ({@code /mcp/oauth/*}, metadata): {@code {"error":"temporarily_unavailable",…}}
 *       (RFC 6749 §4.1.2.1 names the code), never cached;</li>
 *   <li>{@code /mcp}: a JSON-RPC error body (code {@value #JSON_RPC_UNAVAILABLE}, a server error);</li>
 *   <li>pages: a short error page with every page security header;</li>
 * </ul>
 * and logs one WARN line per failed request (no stack trace, no request path that could carry a token). The
 * failed unit of work was rolled back, so nothing changed.
 */
@Provider
public final class StorageUnavailableMapper implements ExceptionMapper<StorageUnavailable> {
    static final int JSON_RPC_UNAVAILABLE = -32000;
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableMapper.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final long retryAfterSeconds;

    @Context
    private UriInfo uri;
    @Context
    private Request request;
    @Context
    private ResourceInfo resource;

    public StorageUnavailableMapper(Duration retryAfter) {
        if (retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("Retry-After must be at least one second, not " + retryAfter);
        }
        this.retryAfterSeconds = retryAfter.toSeconds();
    }

    @Override
    public Response toResponse(StorageUnavailable exception) {
        Surface surface = surface();
        LOG.warn("Database unavailable; answered 503 to {} {}: {}", request.getMethod(), surface.logLabel(uri),
                exception.getMessage());
        String wait = "try again in " + retryAfterSeconds + " second" + (retryAfterSeconds == 1 ? "" : "s");
        Response.ResponseBuilder answer = Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        return switch (surface) {
            case OAUTH -> answer.type(JSON_UTF8)
                    .entity(write(oauthError("temporarily_unavailable", "Faultline's database is unavailable; " + wait)))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
            case MCP -> answer.type(JSON_UTF8)
                    .entity(write(jsonRpcError("Faultline's database is unavailable; " + wait)))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            case PAGE -> {
                answer.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity(new ErrorView("Faultline is unavailable for a moment",
                                "Faultline can't reach its database right now, so nothing was changed.",
                                "Please " + wait + "."));
                Response response = answer.build();
                PageSecurityHeaders.addTo(response.getHeaders());
                yield response;
            }
            case OTHER -> answer.type(JSON_UTF8)
                    .entity(write(oauthError("temporarily_unavailable", "Faultline's database is unavailable; " + wait)))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        };
    }

    private Surface surface() {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if ((type != null && type.isAnnotationPresent(PageResponse.class))
                || (method != null && method.isAnnotationPresent(PageResponse.class))) {
            return Surface.PAGE;
        }
        String path = uri.getPath();
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("mcp/oauth/") || p.startsWith(".well-known/")) {
            return Surface.OAUTH;
        }
        if (p.equals("mcp") || p.startsWith("mcp/")) {
            return Surface.MCP;
        }
        return Surface.OTHER;
    }

    private enum Surface {
        OAUTH, MCP, PAGE, OTHER;

        /** What the log may say about the request: /mcp/{token} carries a personal token, so it is never logged. */
        String logLabel(UriInfo uri) {
            return this == MCP ? "/mcp" : "/" + stripLeadingSlash(uri.getPath());
        }

        private static String stripLeadingSlash(String path) {
            return path.startsWith("/") ? path.substring(1) : path;
        }
    }

    private static Map<String, Object> oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private static Map<String, Object> jsonRpcError(String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", JSON_RPC_UNAVAILABLE);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", error);
        return body;
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }
}
