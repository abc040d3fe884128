package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Public identifier of an OAuth client. Not a secret. Either an opaque id issued at registration (never starts
 * with {@code https://}), or a <em>client ID URL</em>: the https address of the client's own metadata document
 * (draft-ietf-oauth-client-id-metadata-document §3): https, a path, no user info, no fragment, no {@code .} or
 * {@code ..} segments, at most {@link #MAX_URL_LENGTH} characters. Both are compared by simple string
 * comparison, so {@code https://x/c} and {@code https://x:443/c} are two different clients.
 */
public record ClientId(String value) {
    public static final int MAX_URL_LENGTH = 2000;
    private static final int MAX_OPAQUE_LENGTH = 128;

    public ClientId {
        InvalidValue.require(value != null, "client_id", "client_id is required");
        if (value.startsWith("https://")) {
            urlProblem(value).ifPresent(problem -> {
                throw new InvalidValue("client_id", problem);
            });
        } else {
            InvalidValue.require(isOpaque(value), "client_id",
                    "client_id must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-', or an https client ID URL");
        }
    }

    /** Does this client identify itself by a metadata document at this URL (rather than by registration)? */
    public boolean isMetadataDocumentUrl() {
        return value.startsWith("https://");
    }

    /** The host of a client ID URL: what the consent page shows as the client's verified origin. */
    public Optional<String> urlHost() {
        return isMetadataDocumentUrl() ? Optional.of(URI.create(value).getHost()) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }

    /** 1-128 of A-Z, a-z, 0-9, '_' and '-', checked by hand: every MCP call's bearer check makes a client id. */
    private static boolean isOpaque(String text) {
        if (text.isEmpty() || text.length() > MAX_OPAQUE_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> urlProblem(String text) {
        if (text.length() > MAX_URL_LENGTH) {
            return Optional.of("a client ID URL must be at most " + MAX_URL_LENGTH + " characters");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of("client_id \"" + text + "\" must be printable ASCII (percent-encode anything else)");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("client_id \"" + text + "\" is not a valid URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("client_id \"" + text + "\" must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("client_id \"" + text + "\" must not contain user info (user@host)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("client_id \"" + text + "\" must not contain a fragment (#...)");
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return Optional.of("client_id \"" + text + "\" must have a path naming its metadata document");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (".".equals(segment) || "..".equals(segment)) {
                return Optional.of("client_id \"" + text + "\" must not contain . or .. path segments");
            }
        }
        return Optional.empty();
    }
}
