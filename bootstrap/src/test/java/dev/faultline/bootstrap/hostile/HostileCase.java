package dev.faultline.bootstrap.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One hostile request and what the server must answer: a status from {@code expected}, in the surface's form. */
record HostileCase(String family, String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
        Surface surface, Set<Integer> expected) {

    /** What kind of answer the endpoint documents, which decides what else is checked. */
    enum Surface {
        /** A page: HTML and the page security headers, whatever the status. */
        PAGE,
        /** An OAuth endpoint: errors are JSON with a registered {@code error} code. */
        OAUTH,
        /** The MCP endpoint: JSON answers. */
        MCP,
        /** A public JSON document (metadata, JWKS). */
        DOCUMENT,
        /** Only the checks every answer gets. */
        ANY
    }

    static Builder request(String family, String method, String target) {
        return new Builder(family, method, target);
    }

    String describe() {
        String shownBody = body == null ? "" : " «" + RawHttp.printable(new String(body, StandardCharsets.ISO_8859_1)) + "»";
        String shownHeaders = headers.stream().filter(h -> !h.getKey().equalsIgnoreCase("Cookie")
                        && !h.getKey().equalsIgnoreCase("Authorization"))
                .map(h -> h.getKey() + ": " + RawHttp.printable(h.getValue())).toList().toString();
        return "[" + family + "] " + method + " " + RawHttp.printable(target) + " " + shownHeaders + shownBody;
    }

    static final class Builder {
        private final String family;
        private final String method;
        private final String target;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private byte[] body;

        private Builder(String family, String method, String target) {
            this.family = family;
            this.method = method;
            this.target = target;
        }

        Builder header(String name, String value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Builder headers(List<Map.Entry<String, String>> more) {
            headers.addAll(more);
            return this;
        }

        Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        HostileCase expect(Surface surface, Integer... statuses) {
            return new HostileCase(family, method, target, List.copyOf(headers), body, surface, Set.of(statuses));
        }
    }
}
