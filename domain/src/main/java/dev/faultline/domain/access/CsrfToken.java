package dev.faultline.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The anti-forgery token of one browser session, put in every form and checked on every POST. It is derived
 * from the session's secret (SHA-256 over a distinct label plus the secret), so it needs no storage, changes
 * with every new session, and can be computed only by whoever holds the session cookie. It reveals nothing
 * about the secret, and it is not the stored {@link TokenHash} of the session either, so a leaked session
 * table does not yield valid form tokens.
 */
public record CsrfToken(String value) {
    private static final String LABEL = "faultline-csrf:";

    public CsrfToken {
        Objects.requireNonNull(value, "value");
    }

    public static CsrfToken boundTo(String sessionSecret) {
        Objects.requireNonNull(sessionSecret, "sessionSecret");
        return new CsrfToken(HexFormat.of().formatHex(
                TokenHash.sha256((LABEL + sessionSecret).getBytes(StandardCharsets.US_ASCII))));
    }

    /** Constant-time: the time taken says nothing about how much of a forged token was right. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "CsrfToken[redacted]";
    }
}
