package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What groups events into one issue within an application: events with the same fingerprint are the same
 * problem. Either supplied by the reporting SDK or derived from the exception type and culprit.
 */
public record Fingerprint(String value) {
    public static final int MAX_LENGTH = 200;

    public Fingerprint {
        value = Text.line(value, "fingerprint", MAX_LENGTH);
    }

    /** The default grouping: same exception type thrown from the same place. */
    public static Fingerprint derivedFrom(String exceptionType, String culprit) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((exceptionType + "\n" + culprit).getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
