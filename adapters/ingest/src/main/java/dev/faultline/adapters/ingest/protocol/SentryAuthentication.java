package dev.faultline.adapters.ingest.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the public key of an ingest request and the project it asks for (Sentry's {@code authentication.mdx} and
 * {@code envelopes.mdx}). The key may come in three forms: {@code sentry_key} in the query string (Node and
 * browser SDKs), the {@code X-Sentry-Auth: Sentry k=v, k=v} header (Java, Python), and the envelope header
 * {@code dsn} (self-authenticated envelopes). "If multiple forms of authentication are given, the endpoint
 * validates that the information matches and otherwise rejects the request. If both are missing, the Envelope is
 * rejected with status code 403 Forbidden." {@code sentry_secret}, {@code sentry_timestamp},
 * {@code sentry_version} and {@code sentry_client} are read past. Whether the key exists, is enabled and belongs to
 * the project is the caller's lookup, answered with {@link Refusal#unknownProjectOrKey()}.
 */
public final class SentryAuthentication {

    static final String NO_KEY = "no sentry_key: send it in the query string, the X-Sentry-Auth header or the"
            + " envelope header \"dsn\"";

    private SentryAuthentication() {
    }

    /** Where a key was presented. */
    public enum Form {
        QUERY("the query string"),
        HEADER("the X-Sentry-Auth header"),
        DSN("the envelope header \"dsn\"");

        private final String description;

        Form(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** What authentication decides. */
    public sealed interface Outcome {
    }

    /** The key to look up and the project it must belong to, and the forms in which the key came. */
    public record Authenticated(PublicKey key, IngestProjectId project, List<Form> forms) implements Outcome {
        public Authenticated {
            forms = List.copyOf(forms);
        }
    }

    public record Refused(Refusal.Forbidden refusal) implements Outcome {
    }

    /**
     * Decides which key and project a request presents; never throws, whatever the values.
     *
     * @param pathProjectId the {@code {id}} of {@code /api/{id}/envelope/} as it appears in the URL
     * @param rawQuery      the request's query string, still URL-encoded, or {@code null}
     * @param xSentryAuth   the {@code X-Sentry-Auth} header, or {@code null}
     * @param envelopeDsn   the envelope header {@code dsn}; empty for a store request or an envelope without one
     */
    public static Outcome authenticate(String pathProjectId, String rawQuery, String xSentryAuth,
                                       Optional<String> envelopeDsn) {
        Optional<IngestProjectId> project = IngestProjectId.parse(pathProjectId);
        if (project.isEmpty()) {
            return refuse("the project id in the URL must be a positive number");
        }
        Map<Form, PublicKey> presented = new LinkedHashMap<>();
        try {
            fromQuery(rawQuery).ifPresent(key -> presented.put(Form.QUERY, key));
            fromHeader(xSentryAuth).ifPresent(key -> presented.put(Form.HEADER, key));
            if (envelopeDsn.isPresent()) {
                Dsn dsn = Dsn.parse(envelopeDsn.get())
                        .orElseThrow(() -> new Disagreement("the envelope header \"dsn\" is not a valid DSN"));
                if (!dsn.projectId().equals(project.get())) {
                    return refuse("the envelope header \"dsn\" is for project " + dsn.projectId()
                            + ", not for project " + project.get() + " of the URL");
                }
                presented.put(Form.DSN, dsn.publicKey());
            }
        } catch (Disagreement disagreement) {
            return refuse(disagreement.getMessage());
        }
        if (presented.isEmpty()) {
            return refuse(NO_KEY);
        }
        List<Form> forms = new ArrayList<>(presented.keySet());
        PublicKey key = presented.get(forms.get(0));
        for (Form form : forms) {
            if (!presented.get(form).equals(key)) {
                return refuse("the sentry_key in " + form.description() + " does not match the one in "
                        + forms.get(0).description());
            }
        }
        return new Authenticated(key, project.get(), forms);
    }

    private static Refused refuse(String reason) {
        return new Refused(new Refusal.Forbidden(reason));
    }

    private static Optional<PublicKey> fromQuery(String rawQuery) throws Disagreement {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.equals("sentry_key") && eq >= 0) {
                values.add(decode(pair.substring(eq + 1)));
            }
        }
        return single(values, Form.QUERY);
    }

    private static Optional<PublicKey> fromHeader(String header) throws Disagreement {
        if (header == null) {
            return Optional.empty();
        }
        return single(XSentryAuth.parse(header).getOrDefault("sentry_key", List.of()), Form.HEADER);
    }

    /** Blank values count as absent; a value that is there must be a key, and repeats must agree. */
    private static Optional<PublicKey> single(List<String> values, Form form) throws Disagreement {
        Optional<PublicKey> found = Optional.empty();
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            PublicKey key = PublicKey.parse(value).orElseThrow(() ->
                    new Disagreement("the sentry_key in " + form.description() + " is not a valid public key"));
            if (found.isPresent() && !found.get().equals(key)) {
                throw new Disagreement(form.description() + " has two different sentry_key values");
            }
            found = Optional.of(key);
        }
        return found;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    /** A presented form that cannot be used; carried out of the lambdas above, never out of this class. */
    private static final class Disagreement extends Exception {
        Disagreement(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads {@code X-Sentry-Auth} leniently: optional {@code Sentry} prefix, optional spaces, any order. */
    static final class XSentryAuth {
        private XSentryAuth() {
        }

        static Map<String, List<String>> parse(String header) {
            String rest = header.strip();
            if (rest.regionMatches(true, 0, "sentry", 0, 6)
                    && (rest.length() == 6 || Character.isWhitespace(rest.charAt(6)))) {
                rest = rest.substring(6);
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String pair : rest.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            return values;
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }
    }
}
