package dev.faultline.adapters.http.pages;

/**
 * Where to send the browser after signing in: only a path on this server. Anything that could leave it
 * (absolute URLs, scheme-relative {@code //host}, backslash tricks browsers read as slashes, control
 * characters) is replaced by {@code /}, so the sign-in page cannot be used as an open redirect.
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
        return requested;
    }
}
