package dev.faultline.adapters.pages.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Double-submit protection for the sign-in form, which is posted before there is a session to bind a token
 * to: a random value in a cookie and the same value in a hidden field. A cross-site page can make the browser
 * send the cookie but cannot read it, so it cannot fill in the field.
 */
public final class LoginCsrf {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LoginCsrf() {
    }

    /** 256 random bits, base64url. */
    public static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A cookie value this class could have made (anything else is replaced, not echoed). */
    public static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** Constant-time: both present, well formed and equal. */
    public static boolean matches(String cookie, String field) {
        return wellFormed(cookie) && wellFormed(field) && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
