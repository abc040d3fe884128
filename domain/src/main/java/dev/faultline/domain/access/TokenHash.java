package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a secret (authorization code, refresh token, client secret, personal token), as 64 lowercase
 * hex digits. Only hashes are stored; a presented secret is hashed and then looked up or compared.
 *
 * <p>SHA-256 lives here rather than behind a port because it is a pure, deterministic function the domain's
 * own rules need (PKCE S256, refresh-token matching). The JDK provides it; no library is involved.
 */
public record TokenHash(String hex) {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        InvalidValue.require(hex != null && SHAPE.matcher(hex).matches(), "token_hash",
                "a token hash is 64 lowercase hex digits");
    }

    public static TokenHash of(String secret) {
        return new TokenHash(HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.US_ASCII))));
    }

    /** Constant-time comparison, so the time taken says nothing about where two hashes differ. */
    public boolean matches(TokenHash other) {
        return other != null && MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
