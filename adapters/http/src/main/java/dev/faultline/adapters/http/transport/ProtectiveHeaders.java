package dev.faultline.adapters.http.transport;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers that keep an answer from being framed, sniffed, cached or referred: every page carries them with its
 * own Content Security Policy, and every answer that is no page (framework and server errors) with
 * {@link #NO_PAGE_POLICY}. One list, so a page and an error can never drift apart.
 */
public final class ProtectiveHeaders {
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** The policy of an answer that is no page: nothing may be loaded, framed or posted. */
    public static final String NO_PAGE_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Every protective header but the policy, in the order they are sent. */
    public static final Map<String, String> BESIDES_POLICY = besidesPolicy();

    private ProtectiveHeaders() {
    }

    /** Sets every protective header, keeping a policy already set (a page may widen {@code form-action}). */
    public static void addTo(MultivaluedMap<String, Object> headers, String policy) {
        if (!headers.containsKey(CONTENT_SECURITY_POLICY)) {
            headers.putSingle(CONTENT_SECURITY_POLICY, policy);
        }
        BESIDES_POLICY.forEach(headers::putSingle);
    }

    private static Map<String, String> besidesPolicy() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "no-store");
        headers.put("Pragma", "no-cache");
        return Collections.unmodifiableMap(headers);
    }
}
