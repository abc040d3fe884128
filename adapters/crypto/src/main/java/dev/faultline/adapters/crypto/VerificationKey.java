package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The public half of a signing key: enough to verify the tokens it signed and to publish in the JWKS. Only
 * public parameters are ever kept, even if the JSON it is read from carries private ones.
 */
public final class VerificationKey {
    private final JWK jwk;
    private final PublicKey publicKey;
    private final JWSAlgorithm algorithm;

    VerificationKey(JWK jwk) {
        this.jwk = SigningKey.supported(Objects.requireNonNull(jwk, "jwk")).toPublicJWK();
        if (this.jwk.getKeyID() == null || this.jwk.getKeyID().isBlank()) {
            throw new IllegalArgumentException("a verification key needs a key id (kid)");
        }
        if (this.jwk.getIssueTime() == null) {
            throw new IllegalArgumentException("a verification key needs its creation time (JWK \"iat\")");
        }
        try {
            if (this.jwk instanceof RSAKey rsa) {
                this.publicKey = rsa.toPublicKey();
                this.algorithm = JWSAlgorithm.RS256;
            } else {
                this.publicKey = ((ECKey) this.jwk).toPublicKey();
                this.algorithm = JWSAlgorithm.ES256;
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable public key", e);
        }
    }

    /**
     * Reads a key written by {@link #toJwkJson()} (or a signing key's JSON, whose private parts are dropped).
     *
     * @throws IllegalArgumentException if the text is not a P-256 EC or RSA JWK with {@code kid} and {@code iat}
     */
    public static VerificationKey fromJwkJson(String json) {
        try {
            return new VerificationKey(JWK.parse(Objects.requireNonNull(json, "json")));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK: " + e.getMessage(), e);
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

    /** The one algorithm a token signed with this key may name: ES256 for a P-256 key, RS256 for an RSA key. */
    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    Map<String, Object> toJsonObject() {
        return jwk.toJSONObject();
    }

    @Override
    public String toString() {
        return "VerificationKey[kid=" + keyId() + ", " + algorithm + ", createdAt=" + createdAt() + "]";
    }
}
