package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;

/**
 * The RSA key pair that signs access tokens now: a key id ({@code kid}, the RFC 7638 thumbprint of the public
 * key), the pair, and when it was created. It can be written to and read from a JWK JSON string (private
 * parts included, so store it like a password) so that keys can live in the database and survive restarts;
 * its {@code toString} never shows key material.
 */
public final class RsaSigningKey {
    /** Sizes accepted for new keys: 2048 is the floor (NIST through 2030), 3072 and 4096 buy margin. */
    public static final int MIN_BITS = 2048;

    private final RSAKey jwk;
    private final Instant createdAt;
    private final PrivateKey privateKey;
    private final RsaVerificationKey verificationKey;

    private RsaSigningKey(RSAKey jwk) {
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("a signing key needs its private part");
        }
        if (jwk.getKeyID() == null || jwk.getKeyID().isBlank()) {
            throw new IllegalArgumentException("a signing key needs a key id (kid)");
        }
        if (jwk.getIssueTime() == null) {
            throw new IllegalArgumentException("a signing key needs its creation time (JWK \"iat\")");
        }
        if (jwk.size() < MIN_BITS) {
            throw new IllegalArgumentException("an RSA signing key must have at least " + MIN_BITS + " bits, was " + jwk.size());
        }
        this.jwk = jwk;
        this.createdAt = jwk.getIssueTime().toInstant();
        try {
            this.privateKey = jwk.toPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA private key", e);
        }
        this.verificationKey = new RsaVerificationKey(jwk.toPublicJWK());
    }

    /** A fresh key pair of {@code bits} (2048, 3072 or 4096), created at {@code now}. */
    public static RsaSigningKey generate(int bits, Instant now) {
        if (bits != 2048 && bits != 3072 && bits != 4096) {
            throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096 bits, was " + bits);
        }
        try {
            RSAKey generated = new RSAKeyGenerator(bits)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(now.truncatedTo(ChronoUnit.SECONDS)))
                    .generate();
            return new RsaSigningKey(generated);
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is available in every Java runtime", e);
        }
    }

    /**
     * Reads a key written by {@link #toPrivateJwkJson()}.
     *
     * @throws IllegalArgumentException if the text is not an RSA private JWK with {@code kid} and {@code iat}
     */
    public static RsaSigningKey fromPrivateJwkJson(String json) {
        try {
            return new RsaSigningKey(RSAKey.parse(Objects.requireNonNull(json, "json")));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an RSA JWK: " + e.getMessage(), e);
        }
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

    public RSAPublicKey publicKey() {
        return verificationKey.publicKey();
    }

    /** The public half, to keep trusting tokens this key signed after it is rotated out. */
    public RsaVerificationKey verificationKey() {
        return verificationKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "RsaSigningKey[kid=" + keyId() + ", bits=" + jwk.size() + ", createdAt=" + createdAt + "]";
    }
}
