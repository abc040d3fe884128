package dev.faultline.adapters.pages;

import dev.faultline.adapters.http.transport.ProtectiveHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every page response (resources marked {@link PageResponse}), errors included: no
 * framing (clickjacking of the consent page), no referrer (authorization requests carry {@code state} and
 * PKCE values in the URL), no content sniffing, nothing cached (pages show who is signed in and carry CSRF
 * tokens), and a Content Security Policy that allows only this server's stylesheet, script and forms (no inline
 * script or style at all).
 *
 * <p>A resource may set its own {@code Content-Security-Policy} first: the consent page widens
 * {@code form-action} to the client's redirect origin, because browsers apply {@code form-action} to the
 * redirect that follows the Approve/Deny post.
 */
@Provider
@PageResponse
public final class PageSecurityHeaders implements ContainerResponseFilter {
    public static final String CONTENT_SECURITY_POLICY = ProtectiveHeaders.CONTENT_SECURITY_POLICY;

    /** The policy of every page; {@link #withFormTargets} adds redirect targets of a form. */
    public static String policy() {
        return withFormTargets("");
    }

    /** @param extraFormTargets CSP source expressions, space separated, already validated by the caller */
    public static String withFormTargets(String extraFormTargets) {
        String formAction = extraFormTargets.isBlank() ? "'self'" : "'self' " + extraFormTargets;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        addTo(response.getHeaders());
    }

    /** Adds the page headers (keeping a policy already set), also for pages built outside a page resource. */
    public static void addTo(MultivaluedMap<String, Object> headers) {
        ProtectiveHeaders.addTo(headers, policy());
    }
}
