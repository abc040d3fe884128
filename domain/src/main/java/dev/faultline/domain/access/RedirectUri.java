package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A redirect URI a client registered (RFC 6749 §3.1.2, RFC 8252 §7, OAuth 2.1 §2.3.1). Allowed shapes:
 * <ul>
 *   <li>{@code https://host/...};</li>
 *   <li>{@code http://} only on a loopback host ({@code 127.0.0.1}, {@code [::1]}, {@code localhost});</li>
 *   <li>a private-use scheme (RFC 8252 §7.1), e.g. {@code com.example.app:/callback} or
 *       {@code cursor://anysphere.cursor-mcp/oauth/callback}: any syntactically valid, lowercase scheme of two or
 *       more characters that is not a web scheme or a {@linkplain #REFUSED_SCHEMES dangerous} one, in hierarchical
 *       form ({@code scheme:/path} or {@code scheme://authority/path}, never opaque like {@code mailto:x}).
 *       Reverse-domain names are what RFC 8252 recommends, but real clients (Cursor, Windsurf, VS Code) register
 *       plain ones, and PKCE S256, required of every client, is what protects a code sent to one.</li>
 * </ul>
 * Never a fragment, never user info, always absolute. Matching is exact string comparison, except for loopback
 * {@code http} URIs, which match with any port, because native apps bind an ephemeral port at run time (RFC 8252
 * §7.3), and whose empty path and {@code /} are the same (RFC 3986 §6.2.3: VS Code registers
 * {@code http://127.0.0.1:33418} and comes back to {@code http://127.0.0.1:33418/}).
 */
public record RedirectUri(String value) {
    public static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    /**
     * Schemes never accepted: ones a browser runs or reads locally instead of handing to an app, and web schemes
     * other than http(s), which are no redirect targets.
     */
    public static final Set<String> REFUSED_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "blob",
            "about", "filesystem", "view-source", "ftp", "ws", "wss");

    public RedirectUri {
        check(value);
    }

    public static RedirectUri parse(String text) {
        return new RedirectUri(text);
    }

    /** Is {@code presented} this URI, by exact comparison (loopback http: any port)? */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        if (value.equals(presented)) {
            return true;
        }
        if (!isLoopbackHttp()) {
            return false;
        }
        Optional<URI> other = tryParse(presented);
        if (other.isEmpty()) {
            return false;
        }
        URI mine = URI.create(value);
        URI theirs = other.get();
        return "http".equals(theirs.getScheme())
                && theirs.getRawUserInfo() == null
                && theirs.getRawFragment() == null
                && Objects.equals(mine.getHost(), theirs.getHost())
                && Objects.equals(loopbackPath(mine), loopbackPath(theirs))
                && Objects.equals(mine.getRawQuery(), theirs.getRawQuery());
    }

    /**
     * A loopback URI registered without a path ({@code http://127.0.0.1:33418}) is the same resource as with
     * {@code /} (RFC 3986 §6.2.3): browsers and VS Code send the latter (microsoft/vscode#282472). Only the empty
     * path is treated as {@code /}; every other path compares exactly.
     */
    private static String loopbackPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    public boolean isLoopbackHttp() {
        URI uri = URI.create(value);
        return "http".equals(uri.getScheme()) && LOOPBACK_HOSTS.contains(uri.getHost());
    }

    /**
     * What a person should see on the consent page to know where they will be sent: the host for web URIs; for
     * a private-use URI "the app" and its scheme (with the authority, if any), since the authority of
     * {@code cursor://anysphere.cursor-mcp} names no web host and must not look like one.
     */
    public String displayHost() {
        URI uri = URI.create(value);
        String scheme = uri.getScheme();
        if ("https".equals(scheme) || "http".equals(scheme)) {
            return uri.getHost();
        }
        return uri.getRawAuthority() == null ? "the app " + scheme + ":"
                : "the app " + scheme + "://" + uri.getRawAuthority();
    }

    @Override
    public String toString() {
        return value;
    }

    private static URI check(String text) {
        InvalidValue.require(text != null && !text.isBlank(), "redirect_uri", "redirect_uri must not be empty");
        InvalidValue.require(text.length() <= MAX_LENGTH, "redirect_uri",
                "redirect_uri must be at most " + MAX_LENGTH + " characters");
        URI uri = tryParse(text).orElseThrow(() ->
                new InvalidValue("redirect_uri", "redirect_uri \"" + text + "\" is not a valid URI"));
        InvalidValue.require(uri.isAbsolute(), "redirect_uri",
                "redirect_uri \"" + text + "\" must be absolute (have a scheme)");
        InvalidValue.require(uri.getRawFragment() == null, "redirect_uri",
                "redirect_uri \"" + text + "\" must not contain a fragment (#...)");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        InvalidValue.require(!REFUSED_SCHEMES.contains(scheme), "redirect_uri",
                "redirect_uri scheme \"" + scheme + ":\" is not allowed");
        InvalidValue.require(uri.getRawUserInfo() == null, "redirect_uri",
                "redirect_uri \"" + text + "\" must not contain user info (user@host)");
        InvalidValue.require(scheme.equals(uri.getScheme()), "redirect_uri",
                "redirect_uri \"" + text + "\" must use a lowercase scheme");
        switch (scheme) {
            case "https" -> InvalidValue.require(uri.getHost() != null, "redirect_uri",
                    "redirect_uri \"" + text + "\" must name a host");
            case "http" -> InvalidValue.require(uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost()),
                    "redirect_uri", "redirect_uri \"" + text
                            + "\" uses http on a non-loopback host; use https, or http with 127.0.0.1, [::1] or localhost");
            default -> {
                // One letter is a Windows drive (c:/Users/...), not an app.
                InvalidValue.require(scheme.length() > 1, "redirect_uri", "redirect_uri \"" + text
                        + "\" is not allowed: a one-letter scheme is a drive letter, not an app");
                InvalidValue.require(!uri.isOpaque(), "redirect_uri", "redirect_uri \"" + text + "\" is not"
                        + " allowed: a private-use scheme needs a path, as in " + scheme + ":/callback or "
                        + scheme + "://app/callback");
            }
        }
        return uri;
    }

    private static Optional<URI> tryParse(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
