package dev.faultline.adapters.http.transport;

import jakarta.servlet.http.HttpServletRequest;

/** Which address a request counts against for rate limiting (registrations, failed sign-ins). */
public final class ClientAddress {
    /** No servlet request (e.g. an in-memory test container): every such request shares one bucket. */
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /**
     * The connection's remote address; with {@code trustForwardedFor}, the last {@code X-Forwarded-For} entry,
     * i.e. the address our own proxy saw (entries to its left were sent by the client and can be forged).
     */
    public static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (request == null) {
            return UNKNOWN;
        }
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        String remote = request.getRemoteAddr();
        return remote == null || remote.isEmpty() ? UNKNOWN : remote;
    }
}
