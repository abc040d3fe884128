package dev.faultline.domain.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A protected resource (RFC 8707 §2, RFC 9728) named by its absolute URI: what an authorization code, the grant
 * it starts and every access token of that grant are bound to. This server protects one resource, its MCP
 * endpoint; a request names it in its {@code resource} parameter or leaves it out ({@link #resolve}).
 */
public record ProtectedResource(String uri) {

    public ProtectedResource {
        Objects.requireNonNull(uri, "uri");
        if (!isAbsoluteWithoutFragment(uri)) {
            throw new IllegalArgumentException("a protected resource is an absolute URI without a fragment"
                    + " (RFC 8707 section 2), was \"" + uri + "\"");
        }
    }

    /**
     * Rule "one resource, named exactly": what a request's {@code resource} parameter resolves to when this is
     * the resource served. Absent names this resource; present, it must be this resource's URI exactly (no
     * normalisation: a token's audience is compared as a string). Anything else is {@code invalid_target}.
     */
    public Resolution resolve(Optional<String> requested) {
        if (requested.isEmpty() || requested.get().equals(uri)) {
            return new Resolution.Served(this);
        }
        return new Resolution.NotServed("resource \"" + requested.get()
                + "\" is not served by this authorization server; use \"" + uri + "\"");
    }

    @Override
    public String toString() {
        return uri;
    }

    private static boolean isAbsoluteWithoutFragment(String text) {
        try {
            URI parsed = new URI(text);
            return parsed.isAbsolute() && parsed.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** What a request's {@code resource} parameter resolved to. */
    public sealed interface Resolution {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Served, R> served, Function<NotServed, R> notServed);

        record Served(ProtectedResource resource) implements Resolution {
            @Override
            public <R> R fold(Function<Served, R> served, Function<NotServed, R> notServed) {
                return served.apply(this);
            }
        }

        /** {@code description}: the error a client is told (RFC 8707 {@code invalid_target}). */
        record NotServed(String description) implements Resolution {
            @Override
            public <R> R fold(Function<Served, R> served, Function<NotServed, R> notServed) {
                return notServed.apply(this);
            }
        }
    }
}
