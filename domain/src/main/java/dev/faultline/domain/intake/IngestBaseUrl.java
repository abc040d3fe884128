package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where SDKs reach Faultline's ingest endpoints, as configured (never taken from a request): {@code http} or
 * {@code https}, a host, an optional port and an optional path prefix, which DSNs keep (a Faultline served below
 * {@code /faultline} gets DSNs ending {@code /faultline/<id>}).
 */
public record IngestBaseUrl(String scheme, String host, int port, String pathPrefix) {
    public IngestBaseUrl {
        InvalidValue.require("http".equals(scheme) || "https".equals(scheme), "ingest.publicUrl",
                "the ingest URL's scheme is http or https, not " + scheme);
        InvalidValue.require(host != null && !host.isBlank(), "ingest.publicUrl", "the ingest URL needs a host");
        InvalidValue.require(port == -1 || (port >= 1 && port <= 65535), "ingest.publicUrl",
                "the ingest URL's port is 1-65535, not " + port);
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        InvalidValue.require(pathPrefix.isEmpty() || (pathPrefix.startsWith("/") && !pathPrefix.endsWith("/")),
                "ingest.publicUrl", "a path prefix starts with / and does not end with one");
    }

    /** Parses a configured URL such as {@code https://crash.example.com/faultline/} (a trailing slash is dropped). */
    public static IngestBaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(text, "text").strip());
        } catch (URISyntaxException e) {
            throw new InvalidValue("ingest.publicUrl", "\"" + text + "\" is not a URL: " + e.getReason());
        }
        InvalidValue.require(uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null,
                "ingest.publicUrl", "the ingest URL \"" + text + "\" must not carry user info, a query or a fragment");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        return new IngestBaseUrl(scheme, host, uri.getPort(), path);
    }

    /** {@code scheme://host[:port]}: what a DSN puts the key in front of. */
    String authority() {
        return host + (port == -1 ? "" : ":" + port);
    }

    /** {@code scheme://host[:port]/prefix}, without a trailing slash. */
    @Override
    public String toString() {
        return scheme + "://" + authority() + pathPrefix;
    }
}
