package dev.faultline.adapters.ingest.endpoint;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ingest endpoint a path under {@code /api} names: {@code /{id}/envelope/} or {@code /{id}/store/}, with or
 * without the trailing slash. The project id is kept as written; authentication decides whether it is one.
 */
public record IngestRoute(String projectId, Kind kind) {

    /** Where an SDK posts. */
    public enum Kind {
        ENVELOPE, STORE
    }

    private static final Pattern PATH = Pattern.compile("/([^/]{1,64})/(envelope|store)/?");

    /** @param pathInfo the path below the servlet's {@code /api} mapping, e.g. {@code /42/envelope/} */
    public static Optional<IngestRoute> parse(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        Matcher matcher = PATH.matcher(pathInfo);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = matcher.group(2).equals("envelope") ? Kind.ENVELOPE : Kind.STORE;
        return Optional.of(new IngestRoute(matcher.group(1), kind));
    }
}
