package dev.faultline.adapters.crypto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The access-token keys at one moment: the active key that signs new tokens, plus the public halves of
 * earlier keys that are still trusted so tokens they signed stay valid until they expire. Immutable: a
 * rotation yields a new value (hold it in an {@code AtomicReference} and hand the codec its {@code get}).
 *
 * <p>Rotation procedure: {@link #rotateTo} a new key, keep the old public key at least one access-token
 * lifetime (plus clock skew), then {@link #forgetRetiredCreatedBefore} it. Publishing the next key in the
 * JWKS before it signs is unnecessary here because Faultline is the only verifier.
 */
public final class SigningKeys {
    private final SigningKey active;
    private final List<VerificationKey> retired;

    public SigningKeys(SigningKey active, List<VerificationKey> retired) {
        this.active = Objects.requireNonNull(active, "active");
        this.retired = List.copyOf(retired);
        long distinct = Stream.concat(Stream.of(active.keyId()), this.retired.stream().map(VerificationKey::keyId))
                .distinct().count();
        if (distinct != this.retired.size() + 1) {
            throw new IllegalArgumentException("key ids (kid) must be unique among the active and retired keys");
        }
    }

    public static SigningKeys of(SigningKey active) {
        return new SigningKeys(active, List.of());
    }

    public SigningKey active() {
        return active;
    }

    /** Retired keys, newest rotation first. */
    public List<VerificationKey> retired() {
        return retired;
    }

    /** {@code next} signs from now on; the current key's public half stays trusted. */
    public SigningKeys rotateTo(SigningKey next) {
        List<VerificationKey> kept = new ArrayList<>();
        kept.add(active.verificationKey());
        kept.addAll(retired);
        return new SigningKeys(next, kept);
    }

    /** Stops trusting retired keys created before {@code cutoff}; the active key always stays. */
    public SigningKeys forgetRetiredCreatedBefore(Instant cutoff) {
        return new SigningKeys(active, retired.stream().filter(k -> !k.createdAt().isBefore(cutoff)).toList());
    }

    /** The same active key and the same retired keys, in the same order (key ids are thumbprints of the keys). */
    public boolean sameKeysAs(SigningKeys other) {
        return other != null && active.keyId().equals(other.active.keyId())
                && retired.stream().map(VerificationKey::keyId).toList()
                        .equals(other.retired.stream().map(VerificationKey::keyId).toList());
    }

    /** The key that may verify a token carrying {@code kid}, if it is still trusted. */
    public Optional<VerificationKey> verificationKey(String kid) {
        if (active.keyId().equals(kid)) {
            return Optional.of(active.verificationKey());
        }
        return retired.stream().filter(k -> k.keyId().equals(kid)).findFirst();
    }

    /** The JWK Set document ({@code {"keys":[...]}}), public parameters only, active key first. */
    public Map<String, Object> publicJwks() {
        List<Object> keys = new ArrayList<>();
        keys.add(active.verificationKey().toJsonObject());
        retired.forEach(k -> keys.add(k.toJsonObject()));
        Map<String, Object> jwks = new LinkedHashMap<>();
        jwks.put("keys", List.copyOf(keys));
        return Map.copyOf(jwks);
    }

    @Override
    public String toString() {
        return "SigningKeys[active=" + active.keyId() + ", retired=" + retired.stream().map(VerificationKey::keyId).toList() + "]";
    }
}
