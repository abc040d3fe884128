package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.faultline.application.access.port.out.AccessTokenCodec.Verification;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Tokens of the ES256 keys Faultline makes now, beside the RS256 keys of earlier versions: each key verifies only its
 * own algorithm, and a rotation from an RSA key keeps its tokens valid until the key is forgotten.
 */
class Es256AccessTokensTest {
    private static final String ISSUER = JwtAccessTokenCodecTest.ISSUER;
    private static final ProtectedResource RESOURCE = JwtAccessTokenCodecTest.RESOURCE;
    private static final Instant ISSUED = JwtAccessTokenCodecTest.ISSUED;
    private static final Instant DURING = JwtAccessTokenCodecTest.DURING;
    private static final SigningKey RSA = SigningKey.generateRsa(2048, ISSUED.minus(Duration.ofDays(40)));
    private static final SigningKey EC = SigningKey.generate(ISSUED.minus(Duration.ofDays(1)));

    private final AccessTokenClaims claims = new AccessTokenClaims(ISSUER, UserId.random(), RESOURCE,
            new ClientId("client-123"), Scopes.READ_WRITE, "jti-1", ISSUED, ISSUED.plus(Duration.ofHours(1)), ChainId.random());
    private final JwtAccessTokenCodec codec = new JwtAccessTokenCodec(SigningKeys.of(EC));

    @Test
    void a_new_key_signs_es256_tokens_that_round_trip() throws Exception {
        String token = codec.encode(claims);

        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(EC.keyId());
        assertThat(codec.verify(token, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims));
    }

    @Test
    void a_key_verifies_only_its_own_algorithm() throws Exception {
        JwtAccessTokenCodec both = new JwtAccessTokenCodec(SigningKeys.of(RSA).rotateTo(EC));
        String rs256UnderTheEcKid = sign(new RSASSASigner(RSAKey.parse(RSA.toPrivateJwkJson())),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JwtAccessTokenCodec.AT_JWT).keyID(EC.keyId()).build());
        String es256UnderTheRsaKid = sign(new ECDSASigner(ECKey.parse(EC.toPrivateJwkJson())),
                new JWSHeader.Builder(JWSAlgorithm.ES256).type(JwtAccessTokenCodec.AT_JWT).keyID(RSA.keyId()).build());

        assertThat(both.verify(rs256UnderTheEcKid, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Invalid(
                "algorithm RS256 is not the one of key kid \"" + EC.keyId() + "\" (ES256)"));
        assertThat(both.verify(es256UnderTheRsaKid, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Invalid(
                "algorithm ES256 is not the one of key kid \"" + RSA.keyId() + "\" (RS256)"));
    }

    @Test
    void after_a_rotation_from_rsa_the_rsa_tokens_verify_until_the_key_is_forgotten() {
        AtomicReference<SigningKeys> keys = new AtomicReference<>(SigningKeys.of(RSA));
        JwtAccessTokenCodec rotating = new JwtAccessTokenCodec(keys::get, Duration.ofSeconds(10));
        String rs256 = rotating.encode(claims);

        keys.set(keys.get().rotateTo(EC));
        String es256 = rotating.encode(claims);

        assertThat(rs256.split("\\.")[0]).isNotEqualTo(es256.split("\\.")[0]);
        assertThat(rotating.verify(rs256, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims));
        assertThat(rotating.verify(es256, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims));
        keys.set(keys.get().forgetRetiredCreatedBefore(EC.createdAt()));
        assertThat(rotating.verify(rs256, ISSUER, RESOURCE, DURING))
                .isEqualTo(new Verification.Invalid("unknown or retired signing key kid \"" + RSA.keyId() + "\""));
        assertThat(rotating.verify(es256, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void a_tampered_es256_token_is_refused() {
        String[] parts = codec.encode(claims).split("\\.");
        String otherPayload = codec.encode(new AccessTokenClaims(ISSUER, UserId.random(), RESOURCE,
                new ClientId("client-123"), Scopes.READ_WRITE, "jti-2", ISSUED, ISSUED.plus(Duration.ofHours(1)),
                ChainId.random())).split("\\.")[1];

        assertThat(codec.verify(parts[0] + "." + otherPayload + "." + parts[2], ISSUER, RESOURCE, DURING))
                .isEqualTo(new Verification.Invalid("signature does not verify"));
    }

    private String sign(com.nimbusds.jose.JWSSigner signer, JWSHeader header) throws Exception {
        SignedJWT jwt = new SignedJWT(header, new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(claims.subject().toString()).audience(RESOURCE.uri())
                .claim("client_id", "client-123").claim("scope", "mcp:read").jwtID("jti-x")
                .issueTime(Date.from(ISSUED)).expirationTime(Date.from(ISSUED.plus(Duration.ofHours(1))))
                .claim("chain", claims.chainId().toString()).build());
        jwt.sign(signer);
        return jwt.serialize();
    }
}
