package dev.faultline.adapters.crypto;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose form, header and signature this instance has already checked, with their claims, so an
 * MCP client presenting the same token call after call is not parsed, decoded and RSA-verified each time (a
 * quarter of an authenticated {@code ping}'s CPU in the profile). Everything that check depends on is the token
 * text and the key set it was checked against, so an entry counts only while {@link SigningKeys} is that very
 * instance: a rotation (or a reload that finds other keys) makes every entry a miss. The claims themselves (issuer, audience, expiry, …)
 * are checked again on every call.
 *
 * <p>At most {@code capacity} tokens are kept (0 = none): when full, entries past their {@code exp} go first and,
 * if that frees nothing, all of them. Only tokens with a good signature from a trusted key get in, so only tokens
 * this deployment signed can fill it. Entries are found by the token's SHA-256, never by the token itself: no
 * bearer token is kept in memory beyond its request, and finding one compares digests, not secrets (DESIGN §5:
 * tokens hashed at rest, compared in constant time).
 */
final class VerifiedTokens {
    private record Entry(SigningKeys keys, JWTClaimsSet claims) {
    }

    private final int capacity;
    private final ConcurrentHashMap<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the verified-token cache holds 0 or more tokens, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The claims of {@code token} if it was verified against exactly {@code keys}. */
    Optional<JWTClaimsSet> claims(String token, SigningKeys keys) {
        if (capacity == 0) {
            return Optional.empty();
        }
        ByteBuffer key = digest(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.keys() != keys) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.claims());
    }

    void remember(String token, SigningKeys keys, JWTClaimsSet claims, Instant now) {
        if (capacity == 0) {
            return;
        }
        ByteBuffer key = digest(token);
        if (entries.size() >= capacity && !entries.containsKey(key)) {
            Date cutoff = Date.from(now);
            entries.values().removeIf(entry -> entry.keys() != keys || expiredBy(entry.claims(), cutoff));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(keys, claims));
    }

    int size() {
        return entries.size();
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static boolean expiredBy(JWTClaimsSet claims, Date cutoff) {
        Date exp = claims.getExpirationTime();
        return exp == null || !exp.after(cutoff);
    }
}
