package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.faultline.application.access.port.out.AccessTokenCodec.Verification;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Runs with the JDK's signatures; {@link NativeSignaturesCodecTest} runs every case again with the native ones. */
class JwtAccessTokenCodecTest {
    static final String ISSUER = "https://faultline.example";
    static final ProtectedResource RESOURCE = new ProtectedResource(ISSUER + "/mcp");
    static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant DURING = ISSUED.plus(Duration.ofMinutes(30));
    private static final SigningKey KEY = SigningKey.generateRsa(2048, ISSUED.minus(Duration.ofDays(1)));
    private static final SigningKey OTHER_KEY = SigningKey.generateRsa(2048, ISSUED);

    private final JwtAccessTokenCodec codec = new JwtAccessTokenCodec(() -> SigningKeys.of(KEY),
            Duration.ofSeconds(JwtAccessTokenCodec.DEFAULT_CLOCK_SKEW_SECONDS), 0, signatures());
    private final AccessTokenClaims claims = new AccessTokenClaims(ISSUER, UserId.random(), RESOURCE,
            new ClientId("client-123"), Scopes.READ_WRITE, "jti-1", ISSUED, ISSUED.plus(Duration.ofHours(1)), ChainId.random());

    /** Who signs and verifies in {@code codec}. */
    SignatureProvider signatures() {
        return SignatureProvider.jdk();
    }

    @Test
    void a_token_round_trips_to_the_same_claims() {
        String token = codec.encode(claims);

        assertThat(codec.verify(token, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims));
    }

    @Test
    void the_token_is_an_rfc_9068_jwt_with_the_chain_claim() throws Exception {
        SignedJWT jwt = SignedJWT.parse(codec.encode(claims));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEY.keyId());
        JWTClaimsSet body = jwt.getJWTClaimsSet();
        assertThat(body.getIssuer()).isEqualTo(ISSUER);
        assertThat(body.getSubject()).isEqualTo(claims.subject().toString());
        assertThat(body.getAudience()).containsExactly(RESOURCE.uri());
        assertThat(body.getStringClaim("client_id")).isEqualTo("client-123");
        assertThat(body.getStringClaim("scope")).isEqualTo("mcp:read mcp:write");
        assertThat(body.getJWTID()).isEqualTo("jti-1");
        assertThat(body.getIssueTime().toInstant()).isEqualTo(ISSUED);
        assertThat(body.getExpirationTime().toInstant()).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
        assertThat(body.getStringClaim("chain")).isEqualTo(claims.chainId().toString());
    }

    @Test
    void a_tampered_payload_is_refused() {
        String[] parts = codec.encode(claims).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"mcp:read mcp:write\"", "\"mcp:read\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(payload).contains("\"mcp:read\"");
        assertInvalid(codec.verify(tampered, ISSUER, RESOURCE, DURING), "signature does not verify");
    }

    @Test
    void a_token_signed_by_another_key_under_our_kid_is_refused() throws Exception {
        String forged = sign(new RSASSASigner(RSAKey.parse(OTHER_KEY.toPrivateJwkJson())),
                header(JWSAlgorithm.RS256).keyID(KEY.keyId()).build(), body(b -> b));

        assertInvalid(codec.verify(forged, ISSUER, RESOURCE, DURING), "signature does not verify");
    }

    @Test
    void a_token_signed_by_a_key_we_do_not_know_is_refused() {
        String foreign = new JwtAccessTokenCodec(SigningKeys.of(OTHER_KEY)).encode(claims);

        assertInvalid(codec.verify(foreign, ISSUER, RESOURCE, DURING), "unknown or retired signing key kid \"" + OTHER_KEY.keyId() + "\"");
    }

    @Test
    void another_issuer_is_refused() {
        String token = codec.encode(claims);

        assertInvalid(codec.verify(token, "https://faultline.example/", RESOURCE, DURING),
                "issuer \"https://faultline.example\" is not \"https://faultline.example/\"");
    }

    @Test
    void another_audience_is_refused() {
        String token = codec.encode(claims);

        assertInvalid(codec.verify(token, ISSUER, new ProtectedResource("https://other.example/mcp"), DURING),
                "audience [https://faultline.example/mcp] does not include \"https://other.example/mcp\"");
    }

    @Test
    void a_token_is_valid_until_its_expiry_plus_the_clock_skew_and_not_after() {
        String token = codec.encode(claims);
        Instant exp = claims.expiresAt();
        Duration skew = Duration.ofSeconds(JwtAccessTokenCodec.DEFAULT_CLOCK_SKEW_SECONDS);

        assertThat(codec.verify(token, ISSUER, RESOURCE, exp.plus(skew).minusSeconds(1))).isInstanceOf(Verification.Valid.class);
        assertInvalid(codec.verify(token, ISSUER, RESOURCE, exp.plus(skew)), "expired at " + exp);
        assertInvalid(codec.verify(token, ISSUER, RESOURCE, exp.plus(Duration.ofDays(1))), "expired at " + exp);
    }

    @Test
    void without_skew_a_token_expires_exactly_at_exp() {
        JwtAccessTokenCodec strict = new JwtAccessTokenCodec(() -> SigningKeys.of(KEY), Duration.ZERO);
        String token = strict.encode(claims);

        assertThat(strict.verify(token, ISSUER, RESOURCE, claims.expiresAt().minusMillis(1))).isInstanceOf(Verification.Valid.class);
        assertInvalid(strict.verify(token, ISSUER, RESOURCE, claims.expiresAt()), "expired at " + claims.expiresAt());
    }

    @Test
    void a_token_issued_in_the_future_is_refused() {
        String token = codec.encode(claims);

        assertInvalid(codec.verify(token, ISSUER, RESOURCE, ISSUED.minus(Duration.ofMinutes(5))), "issued in the future");
    }

    @Test
    void an_unsigned_token_is_refused() {
        String none = new PlainJWT(new PlainHeader.Builder().type(JwtAccessTokenCodec.AT_JWT).build(), body(b -> b)).serialize();

        assertInvalid(codec.verify(none, ISSUER, RESOURCE, DURING), "unsigned JWT (alg none) refused");
    }

    @Test
    void an_hmac_token_keyed_with_our_public_key_is_refused() throws Exception {
        String confused = sign(new MACSigner(KEY.verificationKey().publicKey().getEncoded()),
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(JwtAccessTokenCodec.AT_JWT).keyID(KEY.keyId()).build(), body(b -> b));

        assertInvalid(codec.verify(confused, ISSUER, RESOURCE, DURING), "algorithm HS256 refused; access tokens are signed with ES256 or RS256");
    }

    @Test
    void another_rsa_algorithm_is_refused() throws Exception {
        String ps256 = sign(new RSASSASigner(RSAKey.parse(KEY.toPrivateJwkJson())),
                header(JWSAlgorithm.PS256).keyID(KEY.keyId()).build(), body(b -> b));

        assertInvalid(codec.verify(ps256, ISSUER, RESOURCE, DURING), "algorithm PS256 refused");
    }

    @Test
    void a_jwt_of_another_type_is_refused() throws Exception {
        JWSSigner signer = new RSASSASigner(RSAKey.parse(KEY.toPrivateJwkJson()));
        String idToken = sign(signer, new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(KEY.keyId()).build(), body(b -> b));
        String untyped = sign(signer, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.keyId()).build(), body(b -> b));
        String mediaType = sign(signer, header(JWSAlgorithm.RS256).type(new JOSEObjectType("application/at+jwt")).keyID(KEY.keyId()).build(), body(b -> b));

        assertInvalid(codec.verify(idToken, ISSUER, RESOURCE, DURING), "typ \"JWT\"; an access token has typ at+jwt");
        assertInvalid(codec.verify(untyped, ISSUER, RESOURCE, DURING), "typ missing; an access token has typ at+jwt");
        assertThat(codec.verify(mediaType, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void a_token_without_kid_is_refused() throws Exception {
        String noKid = sign(new RSASSASigner(RSAKey.parse(KEY.toPrivateJwkJson())), header(JWSAlgorithm.RS256).build(), body(b -> b));

        assertInvalid(codec.verify(noKid, ISSUER, RESOURCE, DURING), "kid missing from the header");
    }

    @Test
    void each_required_claim_must_be_present() throws Exception {
        JWSSigner signer = new RSASSASigner(RSAKey.parse(KEY.toPrivateJwkJson()));
        JWSHeader header = header(JWSAlgorithm.RS256).keyID(KEY.keyId()).build();
        for (String claim : List.of("sub", "client_id", "scope", "jti", "chain", "exp", "iat")) {
            String token = sign(signer, header, body(b -> b.claim(claim, null)));
            assertInvalid(codec.verify(token, ISSUER, RESOURCE, DURING), claim + " missing");
        }
    }

    @Test
    void malformed_claims_are_refused_with_their_name() throws Exception {
        JWSSigner signer = new RSASSASigner(RSAKey.parse(KEY.toPrivateJwkJson()));
        JWSHeader header = header(JWSAlgorithm.RS256).keyID(KEY.keyId()).build();

        assertInvalid(codec.verify(sign(signer, header, body(b -> b.subject("alice"))), ISSUER, RESOURCE, DURING), "sub is not a user id");
        assertInvalid(codec.verify(sign(signer, header, body(b -> b.claim("chain", "x"))), ISSUER, RESOURCE, DURING), "chain is not a chain id");
        assertInvalid(codec.verify(sign(signer, header, body(b -> b.claim("scope", "mcp:admin"))), ISSUER, RESOURCE, DURING),
                "malformed claim: unknown scope \"mcp:admin\"");
    }

    @Test
    void garbage_is_refused_without_echoing_it() {
        assertInvalid(codec.verify("", ISSUER, RESOURCE, DURING), "no token");
        assertInvalid(codec.verify(null, ISSUER, RESOURCE, DURING), "no token");
        Verification garbage = codec.verify("secret-looking.garbage.value", ISSUER, RESOURCE, DURING);
        assertInvalid(garbage, "not a well-formed JWT");
        assertThat(((Verification.Invalid) garbage).reason()).doesNotContain("secret-looking");
        assertInvalid(codec.verify("a".repeat(20_000), ISSUER, RESOURCE, DURING), "token longer than");
    }

    @Test
    void a_token_signed_by_a_rotated_out_key_verifies_while_its_public_key_is_kept() {
        AtomicReference<SigningKeys> keys = new AtomicReference<>(SigningKeys.of(KEY));
        JwtAccessTokenCodec rotating = new JwtAccessTokenCodec(keys::get, Duration.ofSeconds(10), 0, signatures());
        String old = rotating.encode(claims);

        keys.set(keys.get().rotateTo(OTHER_KEY));
        String fresh = rotating.encode(claims);

        assertThat(rotating.verify(old, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims));
        assertThat(rotating.verify(fresh, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims));
        assertThat(fresh).isNotEqualTo(old);

        keys.set(keys.get().forgetRetiredCreatedBefore(OTHER_KEY.createdAt()));
        assertInvalid(rotating.verify(old, ISSUER, RESOURCE, DURING), "unknown or retired signing key kid \"" + KEY.keyId() + "\"");
        assertThat(rotating.verify(fresh, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Valid.class);
    }

    @Test
    void the_clock_skew_is_bounded() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JwtAccessTokenCodec(() -> SigningKeys.of(KEY), Duration.ofMinutes(6)))
                .hasMessageContaining("clock skew");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JwtAccessTokenCodec(() -> SigningKeys.of(KEY), Duration.ofSeconds(-1)))
                .hasMessageContaining("clock skew");
    }

    private static JWSHeader.Builder header(JWSAlgorithm alg) {
        return new JWSHeader.Builder(alg).type(JwtAccessTokenCodec.AT_JWT);
    }

    private JWTClaimsSet body(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(claims.subject().toString()).audience(RESOURCE.uri())
                .claim("client_id", "client-123").claim("scope", "mcp:read").jwtID("jti-x")
                .issueTime(Date.from(ISSUED)).expirationTime(Date.from(ISSUED.plus(Duration.ofHours(1))))
                .claim("chain", claims.chainId().toString());
        return change.apply(builder).build();
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet body) throws Exception {
        SignedJWT jwt = new SignedJWT(header, body);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertInvalid(Verification verification, String reasonStart) {
        assertThat(verification).isInstanceOf(Verification.Invalid.class);
        assertThat(((Verification.Invalid) verification).reason()).startsWith(reasonStart);
    }

}
