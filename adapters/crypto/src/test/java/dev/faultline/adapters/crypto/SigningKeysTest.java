package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.access.port.out.AccessTokenCodec.Verification;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final SigningKey FIRST = SigningKey.generateRsa(2048, T0);
    private static final SigningKey SECOND = SigningKey.generateRsa(3072, T0.plus(Duration.ofDays(30)));
    private static final List<String> PRIVATE_PARAMETERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth");

    @Test
    void a_generated_key_has_a_thumbprint_kid_its_size_and_creation_time() {
        assertThat(FIRST.keyId()).matches("[A-Za-z0-9_-]{43}");
        assertThat(FIRST.keyId()).isNotEqualTo(SECOND.keyId());
        assertThat(((java.security.interfaces.RSAPublicKey) FIRST.verificationKey().publicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(((java.security.interfaces.RSAPublicKey) SECOND.verificationKey().publicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(FIRST.createdAt()).isEqualTo(T0);
    }

    @Test
    void only_standard_key_sizes_are_generated() {
        assertThatThrownBy(() -> SigningKey.generateRsa(1024, T0)).hasMessageContaining("2048, 3072 or 4096");
    }

    @Test
    void a_signing_key_survives_serialisation_and_still_signs() {
        SigningKey restored = SigningKey.fromPrivateJwkJson(FIRST.toPrivateJwkJson());
        AccessTokenClaims claims = new AccessTokenClaims("https://f.example", UserId.random(), new ProtectedResource("https://f.example/mcp"),
                new ClientId("c"), Scopes.READ_ONLY, "j", T0, T0.plusSeconds(60), ChainId.random());

        assertThat(restored.keyId()).isEqualTo(FIRST.keyId());
        assertThat(restored.createdAt()).isEqualTo(FIRST.createdAt());
        assertThat(restored.verificationKey().publicKey()).isEqualTo(FIRST.verificationKey().publicKey());
        String token = new JwtAccessTokenCodec(SigningKeys.of(restored)).encode(claims);
        assertThat(new JwtAccessTokenCodec(SigningKeys.of(FIRST)).verify(token, "https://f.example", new ProtectedResource("https://f.example/mcp"), T0))
                .isEqualTo(new Verification.Valid(claims));
    }

    @Test
    void a_verification_key_keeps_only_public_parameters() {
        VerificationKey fromPrivateJson = VerificationKey.fromJwkJson(FIRST.toPrivateJwkJson());
        VerificationKey restored = VerificationKey.fromJwkJson(fromPrivateJson.toJwkJson());

        assertThat(fromPrivateJson.toJwkJson()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(restored.keyId()).isEqualTo(FIRST.keyId());
        assertThat(restored.publicKey()).isEqualTo(FIRST.verificationKey().publicKey());
        assertThat(restored.createdAt()).isEqualTo(T0);
    }

    @Test
    void new_keys_are_p256_for_es256_and_survive_serialisation() {
        SigningKey key = SigningKey.generate(T0);
        SigningKey restored = SigningKey.fromPrivateJwkJson(key.toPrivateJwkJson());

        assertThat(key.algorithm()).isEqualTo(com.nimbusds.jose.JWSAlgorithm.ES256);
        assertThat(FIRST.algorithm()).isEqualTo(com.nimbusds.jose.JWSAlgorithm.RS256);
        assertThat(restored.keyId()).isEqualTo(key.keyId());
        assertThat(restored.algorithm()).isEqualTo(com.nimbusds.jose.JWSAlgorithm.ES256);
        assertThat(restored.verificationKey().publicKey()).isEqualTo(key.verificationKey().publicKey());
        assertThat(key.verificationKey().toJwkJson()).contains("\"crv\":\"P-256\"").doesNotContain("\"d\"");
        assertThat(key.toString()).contains(key.keyId(), "ES256").doesNotContain("\"d\"");
    }

    @Test
    void bad_key_text_is_refused_with_a_reason() throws Exception {
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson("{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a JWK");
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(FIRST.verificationKey().toJwkJson()))
                .hasMessage("a signing key needs its private part");
        assertThatThrownBy(() -> VerificationKey.fromJwkJson("not json")).hasMessageStartingWith("not a JWK");
        String p384 = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_384)
                .keyIDFromThumbprint(true).issueTime(new java.util.Date()).generate().toJSONString();
        assertThatThrownBy(() -> SigningKey.fromPrivateJwkJson(p384))
                .hasMessage("a signing key is a P-256 EC key or an RSA key of at least 2048 bits, was EC on P-384");
        String rsa1024 = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(1024, true).keyIDFromThumbprint(true)
                .issueTime(new java.util.Date()).generate().toJSONString();
        assertThatThrownBy(() -> VerificationKey.fromJwkJson(rsa1024)).hasMessageEndingWith("was RSA of 1024 bits");
    }

    @Test
    void the_jwks_holds_public_parts_of_active_and_retired_keys() {
        SigningKeys keys = SigningKeys.of(FIRST).rotateTo(SECOND);

        Map<String, Object> jwks = keys.publicJwks();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(published).extracting(k -> k.get("kid")).containsExactly(SECOND.keyId(), FIRST.keyId());
        for (Map<String, Object> key : published) {
            assertThat(key).containsEntry("kty", "RSA").containsEntry("use", "sig").containsKeys("n", "e");
            assertThat(key).doesNotContainKeys(PRIVATE_PARAMETERS.toArray(String[]::new));
        }
    }

    @Test
    void the_jwks_publishes_an_es256_key_beside_the_rsa_key_it_replaced() {
        SigningKey es256 = SigningKey.generate(T0.plus(Duration.ofDays(60)));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published = (List<Map<String, Object>>) SigningKeys.of(FIRST).rotateTo(es256)
                .publicJwks().get("keys");

        assertThat(published).extracting(k -> k.get("kid")).containsExactly(es256.keyId(), FIRST.keyId());
        assertThat(published.get(0)).containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("alg", "ES256").containsEntry("use", "sig").containsKeys("x", "y")
                .doesNotContainKeys(PRIVATE_PARAMETERS.toArray(String[]::new));
        assertThat(published.get(1)).containsEntry("kty", "RSA");
    }

    @Test
    void rotation_keeps_the_old_public_key_until_it_is_forgotten() {
        SigningKeys rotated = SigningKeys.of(FIRST).rotateTo(SECOND);

        assertThat(rotated.active()).isSameAs(SECOND);
        assertThat(rotated.verificationKey(FIRST.keyId())).isPresent();
        assertThat(rotated.verificationKey("nope")).isEmpty();

        SigningKeys pruned = rotated.forgetRetiredCreatedBefore(SECOND.createdAt());
        assertThat(pruned.verificationKey(FIRST.keyId())).isEmpty();
        assertThat(pruned.verificationKey(SECOND.keyId())).isPresent();
    }

    @Test
    void key_ids_must_be_unique() {
        assertThatThrownBy(() -> new SigningKeys(FIRST, List.of(FIRST.verificationKey())))
                .hasMessageContaining("unique");
    }

    @Test
    void to_string_shows_no_key_material() {
        String modulusStart = ((java.security.interfaces.RSAPublicKey) FIRST.verificationKey().publicKey()).getModulus().toString(16).substring(0, 16);
        assertThat(FIRST.toString()).contains(FIRST.keyId()).doesNotContain(modulusStart);
        assertThat(SigningKeys.of(FIRST).toString()).contains(FIRST.keyId());
    }
}
