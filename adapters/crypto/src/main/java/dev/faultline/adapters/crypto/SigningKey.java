package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * A key pair that signs access tokens: a key id ({@code kid}, the RFC 7638 thumbprint of the public key), the pair,
 * its algorithm and when it was created. New keys are P-256 keys for ES256; RSA keys (RS256, 2048 bits or more) that
 * earlier versions made are still read, sign until they are rotated out and verify until they are forgotten. It can be
 * written to and read from a JWK JSON string (private parts included, so store it like a password) so that keys can
 * live in the database and survive restarts; its {@code toString} never shows key material.
 *
 * <p>Why ES256 for new keys: a token grant signs one access token, and an ES256 signature costs 19 µs with the native
 * provider against 256 µs for RS256 (547 against 998 µs on the JDK's own); verification, dearer for ES256 on the JDK,
 * happens once per token and instance ({@link VerifiedTokens}). See {@code CryptoBenchmark}.
 */
public final class SigningKey {
    /** Sizes accepted for RSA keys: 2048 is the floor (NIST through 2030). */
    public static final int MIN_RSA_BITS = 2048;

    private final JWK jwk;
    private final Instant createdAt;
    private final PrivateKey privateKey;
    private final VerificationKey verificationKey;

    private SigningKey(JWK jwk) {
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("a signing key needs its private part");
        }
        if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
            throw new IllegalArgumentException("a signing key needs a key id (kid)");
        }
        if (jwk.getIssueTime() == null) {
            throw new IllegalArgumentException("a signing key needs its creation time (JWK \"iat\")");
        }
        this.jwk = jwk;
        this.createdAt = jwk.getIssueTime().toInstant();
        this.verificationKey = new VerificationKey(jwk.toPublicJWK());
        try {
            this.privateKey = jwk instanceof RSAKey rsa ? rsa.toPrivateKey() : ((ECKey) jwk).toPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable private key", e);
        }
    }

    /** A fresh P-256 key pair for ES256, created at {@code now}: what Faultline makes. */
    public static SigningKey generate(Instant now) {
        return generated(new ECKeyGenerator(Curve.P_256), JWSAlgorithm.ES256, now);
    }

    /** A fresh RSA key pair for RS256 of {@code bits} (2048, 3072 or 4096), as earlier versions made them. */
    public static SigningKey generateRsa(int bits, Instant now) {
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096 bits, was " + bits);
        }
        return generated(new RSAKeyGenerator(bits), JWSAlgorithm.RS256, now);
    }

    private static SigningKey generated(JWKGenerator<?> generator, JWSAlgorithm algorithm, Instant now) {
        try {
            return new SigningKey(generator.keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyIDFromThumbprint(true)
                    .issueTime(Date.from(now.truncatedTo(ChronoUnit.SECONDS))).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(algorithm + " key generation is available in every Java runtime", e);
        }
    }

    /**
     * Reads a key written by {@link #toPrivateJwkJson()}.
     *
     * @throws IllegalArgumentException if the text is not a private P-256 EC or RSA (2048 bits or more) JWK with
     *                                  {@code kid} and {@code iat}
     */
    public static SigningKey fromPrivateJwkJson(String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(Objects.requireNonNull(json, "json"));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK: " + e.getMessage(), e);
        }
        return new SigningKey(supported(jwk));
    }

    /** {@code jwk} if it is a key type and size Faultline signs with. */
    static JWK supported(JWK jwk) {
        if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return jwk;
        }
        if (jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
            return jwk;
        }
        throw new IllegalArgumentException("a signing key is a P-256 EC key or an RSA key of at least " + MIN_RSA_BITS
                + " bits, was " + jwk.getKeyType() + (jwk instanceof ECKey ec ? " on " + ec.getCurve() : "")
                + (jwk instanceof RSAKey rsa ? " of " + rsa.size() + " bits" : ""));
    }

    /** The whole key, private parts included, as JWK JSON. Secret: store it encrypted or access-controlled. */
    public String toPrivateJwkJson() {
        return jwk.toJSONString();
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** ES256 for a P-256 key, RS256 for an RSA key. */
    public JWSAlgorithm algorithm() {
        return verificationKey.algorithm();
    }

    /** The public half, to keep trusting tokens this key signed after it is rotated out. */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId() + ", " + algorithm() + ", createdAt=" + createdAt + "]";
    }
}
