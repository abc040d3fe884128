package dev.faultline.adapters.pages;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send the browser after signing in: only a path on this server. Anything that could leave it
 * (absolute URLs, scheme-relative {@code //host}, backslash tricks browsers read as slashes, control
 * characters, anything that is not a valid relative URI) is replaced by {@code /}, so the sign-in page cannot be
 * used as an open redirect and never fails on what it is given.
 */
public final class ReturnTo {
    public static final String HOME = "/";
    static final int MAX_LENGTH = 4096;

    private ReturnTo() {
    }

    public static String sanitize(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH
                || requested.charAt(0) != '/' || requested.startsWith("//")) {
            return HOME;
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c == '\\' || c <= 0x20 || c == 0x7f) {
                return HOME;
            }
        }
        return isRelativeReference(requested) ? requested : HOME;
    }

    /** Only what parses as a path (and query) without scheme or authority: redirects build a URI from it. */
    private static boolean isRelativeReference(String path) {
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
