package dev.faultline.adapters.ingest.protocol;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed DSN, {@code {PROTOCOL}://{PUBLIC_KEY}[:{SECRET_KEY}]@{HOST}{PATH}/{PROJECT_ID}}. The secret key is
 * deprecated and ignored ("the DSN parsing code must not require the secret key"); the path prefix is kept, since
 * a Faultline behind {@code https://example.com/faultline} hands out DSNs with that prefix.
 *
 * @param host       the host with its port, if any
 * @param pathPrefix the path before the project id, without a trailing slash ({@code ""} when none)
 */
public record Dsn(String scheme, PublicKey publicKey, String host, String pathPrefix, IngestProjectId projectId) {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final int MAX_LENGTH = 2048;

    /** The DSN, or empty when the text is not one; never throws. */
    public static Optional<Dsn> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String dsn = text.strip();
        int schemeEnd = dsn.indexOf("://");
        if (schemeEnd <= 0 || !SCHEME.matcher(dsn.substring(0, schemeEnd)).matches()) {
            return Optional.empty();
        }
        String rest = dsn.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        if (at <= 0 || at == authority.length() - 1) {
            return Optional.empty();
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        Optional<PublicKey> key = PublicKey.parse(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String host = authority.substring(at + 1);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int lastSlash = path.lastIndexOf('/');
        if (key.isEmpty() || lastSlash < 0 || host.isBlank()) {
            return Optional.empty();
        }
        String scheme = dsn.substring(0, schemeEnd);
        String prefix = path.substring(0, lastSlash);
        return IngestProjectId.parse(path.substring(lastSlash + 1))
                .map(project -> new Dsn(scheme, key.get(), host, prefix, project));
    }
}
