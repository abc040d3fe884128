package dev.faultline.adapters.http.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@code Content-Type} header that is not a media type at all ({@code ;;;}, {@code application/json; charset=})
 * makes Jersey fail while it sets the request up, before any filter or resource of ours runs, and the client
 * got the servlet container's generic 400 page. This servlet filter, in front of Jersey, answers such a request
 * itself: 415 with the JSON error shape every JSON endpoint uses ({@code error}, {@code error_description}),
 * naming the header. A well-formed but unsupported type is left to the resource, which knows what it accepts.
 * The body is not read, so the connection is closed after the answer. Servlets that read raw bodies whatever their
 * type (the Sentry ingest surface) are named at construction and passed through untouched.
 */
public final class UnparsableContentTypes extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> rawBodyServlets;

    /** @param rawBodyServlets names of servlets that accept any {@code Content-Type}, this filter skips them */
    public UnparsableContentTypes(Set<String> rawBodyServlets) {
        this.rawBodyServlets = Set.copyOf(rawBodyServlets);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Content-Type");
        if (rawBodyServlets.contains(request.getHttpServletMapping().getServletName()) || header == null || header.isBlank() || JsonContentType.parse(header).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "invalid_request");
        body.put("error_description", "the Content-Type header \"" + Printable.of(header, 60) + "\" is malformed; "
                + "send a media type such as application/json");
        byte[] bytes = json(body);
        response.setStatus(415);
        response.setContentType("application/json");
        response.setHeader(ProtectiveHeaders.CONTENT_SECURITY_POLICY, ProtectiveHeaders.NO_PAGE_POLICY);
        ProtectiveHeaders.BESIDES_POLICY.forEach(response::setHeader);
        response.setHeader("Connection", "close");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static byte[] json(Map<String, String> body) {
        try {
            return MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
