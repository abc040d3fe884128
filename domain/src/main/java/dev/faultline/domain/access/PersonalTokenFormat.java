package dev.faultline.domain.access;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The personal access token format: {@code flt_pat_} + 43 base62 characters of randomness (256 bits) + a
 * 6-character base62 CRC32 checksum of everything before it. Secret scanners can match the prefix and check
 * the checksum offline; Faultline refuses a mistyped token without a database lookup.
 */
public final class PersonalTokenFormat {
    public static final String PREFIX = SecretKind.PERSONAL_TOKEN.prefix();
    public static final int BODY_LENGTH = 43;
    public static final int CHECKSUM_LENGTH = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile(
            Pattern.quote(PREFIX) + "[0-9A-Za-z]{" + BODY_LENGTH + "}[0-9A-Za-z]{" + CHECKSUM_LENGTH + "}");

    private PersonalTokenFormat() {
    }

    /** Completes a token from its random base62 body. */
    public static String fromBody(String base62Body) {
        if (base62Body.length() != BODY_LENGTH || !base62Body.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a personal token body is " + BODY_LENGTH + " base62 characters");
        }
        String unchecked = PREFIX + base62Body;
        return unchecked + checksum(unchecked);
    }

    public static boolean isWellFormed(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return false;
        }
        int split = token.length() - CHECKSUM_LENGTH;
        return checksum(token.substring(0, split)).equals(token.substring(split));
    }

    static String checksum(String unchecked) {
        CRC32 crc = new CRC32();
        crc.update(unchecked.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }

    public static String base62Alphabet() {
        return BASE62;
    }
}
