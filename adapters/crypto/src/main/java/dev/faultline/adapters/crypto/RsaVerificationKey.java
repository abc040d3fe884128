package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The public half of a signing key: enough to verify the tokens it signed and to publish in the JWKS. Only
 * public parameters are ever kept, even if the JSON it is read from carries private ones.
 */
public final class RsaVerificationKey {
    private final RSAKey jwk;
    private final RSAPublicKey publicKey;

    RsaVerificationKey(RSAKey jwk) {
        this.jwk = Objects.requireNonNull(jwk, "jwk").toPublicJWK();
        if (this.jwk.getKeyID() == null || this.jwk.getKeyID().isBlank()) {
            throw new IllegalArgumentException("a verification key needs a key id (kid)");
        }
        if (this.jwk.getIssueTime() == null) {
            throw new IllegalArgumentException("a verification key needs its creation time (JWK \"iat\")");
        }
        try {
            this.publicKey = this.jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA public key", e);
        }
    }

    /**
     * Reads a key written by {@link #toJwkJson()} (or a signing key's JSON, whose private parts are dropped).
     *
     * @throws IllegalArgumentException if the text is not an RSA JWK with {@code kid} and {@code iat}
     */
    public static RsaVerificationKey fromJwkJson(String json) {
        try {
            return new RsaVerificationKey(RSAKey.parse(Objects.requireNonNull(json, "json")));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an RSA JWK: " + e.getMessage(), e);
        }
    }

    /** Public parameters only, as JWK JSON. */
    public String toJwkJson() {
        return jwk.toJSONString();
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    public Instant createdAt() {
        return jwk.getIssueTime().toInstant();
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    Map<String, Object> toJsonObject() {
        return jwk.toJSONObject();
    }

    @Override
    public String toString() {
        return "RsaVerificationKey[kid=" + keyId() + ", createdAt=" + createdAt() + "]";
    }
}
