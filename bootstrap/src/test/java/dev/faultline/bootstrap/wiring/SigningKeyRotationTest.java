package dev.faultline.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.crypto.JwtAccessTokenCodec;
import dev.faultline.adapters.crypto.SigningKey;
import dev.faultline.adapters.inmemory.InMemoryExclusiveJobs;
import dev.faultline.adapters.inmemory.InMemorySigningKeyStore;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.SigningKeyStore.StoredKey;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyRotationTest {
    private static final Duration DELAY = Duration.ofMinutes(3);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final PersistentSigningKeys keys = new PersistentSigningKeys(store, clock, DELAY);
    private final SigningKeyRotation rotation = new SigningKeyRotation(store, keys, new InMemoryExclusiveJobs(),
            Duration.ofDays(30), TOKEN_LIFETIME.plusSeconds(10), clock);
    private final JwtAccessTokenCodec codec = new JwtAccessTokenCodec(keys, Duration.ofSeconds(10));

    @Test
    void publishes_a_new_key_that_signs_only_after_every_instance_could_load_it() {
        String first = keys.get().active().keyId();
        rotation.runOnce();
        assertThat(store.all()).hasSize(1);

        clock.advance(Duration.ofDays(30).plusSeconds(1));
        rotation.runOnce();
        assertThat(store.all()).hasSize(2);
        assertThat(keys.get().active().keyId()).isEqualTo(first);
        assertThat(kids()).hasSize(2);

        clock.advance(DELAY);
        rotation.runOnce();
        assertThat(keys.get().active().keyId()).isNotEqualTo(first);
    }

    @Test
    void keeps_a_retired_key_until_every_token_it_signed_has_expired() {
        String first = keys.get().active().keyId();
        String signedByFirst = codec.encode(claimsIssuedNow());

        clock.advance(Duration.ofDays(30).plusSeconds(1));
        rotation.runOnce();
        clock.advance(DELAY);
        rotation.runOnce();
        String second = keys.get().active().keyId();
        assertThat(second).isNotEqualTo(first);

        clock.advance(Duration.ofMinutes(30));
        rotation.runOnce();
        assertThat(kids()).containsExactlyInAnyOrder(first, second);

        clock.advance(Duration.ofMinutes(31));
        rotation.runOnce();
        assertThat(kids()).containsExactly(second);
        assertThat(store.all()).extracting(StoredKey::keyId).containsExactly(second);
        assertThat(codec.verify(signedByFirst, "https://faultline.example", new ProtectedResource("https://faultline.example/mcp"),
                clock.instant())).isInstanceOf(AccessTokenCodec.Verification.Invalid.class);
    }

    @Test
    void a_token_signed_by_the_retired_key_still_verifies_while_it_lives() {
        SigningKeyRotation hourly = new SigningKeyRotation(store, keys, new InMemoryExclusiveJobs(),
                Duration.ofMinutes(10), TOKEN_LIFETIME.plusSeconds(10), clock);
        AccessTokenClaims claims = claimsIssuedNow();
        String signedByFirst = codec.encode(claims);
        String first = keys.get().active().keyId();

        clock.advance(Duration.ofMinutes(11));
        hourly.runOnce();
        clock.advance(DELAY);
        hourly.runOnce();

        assertThat(keys.get().active().keyId()).isNotEqualTo(first);
        assertThat(codec.verify(signedByFirst, claims.issuer(), claims.audience(), clock.instant()))
                .isInstanceOf(AccessTokenCodec.Verification.Valid.class);
    }

    @Test
    void a_reload_that_finds_the_same_keys_keeps_the_same_key_set() {
        var before = keys.get();
        rotation.runOnce();
        assertThat(keys.get()).as("nothing changed").isSameAs(before);

        clock.advance(Duration.ofDays(30).plusSeconds(1));
        rotation.runOnce();
        assertThat(keys.get()).as("a new key published").isNotSameAs(before);
        var published = keys.get();
        clock.advance(DELAY);
        rotation.runOnce();
        assertThat(keys.get()).as("the new key signs now").isNotSameAs(published);
    }

    @Test
    void a_fresh_installation_signs_es256() throws Exception {
        assertThat(com.nimbusds.jwt.SignedJWT.parse(codec.encode(claimsIssuedNow())).getHeader().getAlgorithm())
                .isEqualTo(com.nimbusds.jose.JWSAlgorithm.ES256);
    }

    /** An installation upgraded from a version that made RSA keys: RS256 until the next rotation, then ES256. */
    @Test
    void an_rsa_key_of_an_earlier_version_signs_until_its_rotation_and_its_tokens_verify_after() throws Exception {
        InMemorySigningKeyStore upgraded = new InMemorySigningKeyStore();
        SigningKey rsa = SigningKey.generateRsa(2048, clock.instant().minus(Duration.ofDays(29)));
        upgraded.add(new StoredKey(rsa.keyId(), rsa.toPrivateJwkJson(), rsa.createdAt()));
        PersistentSigningKeys upgradedKeys = new PersistentSigningKeys(upgraded, clock, DELAY);
        SigningKeyRotation upgradedRotation = new SigningKeyRotation(upgraded, upgradedKeys,
                new InMemoryExclusiveJobs(), Duration.ofDays(30), TOKEN_LIFETIME.plusSeconds(10), clock);
        JwtAccessTokenCodec upgradedCodec = new JwtAccessTokenCodec(upgradedKeys, Duration.ofSeconds(10));

        upgradedRotation.runOnce();
        AccessTokenClaims claims = claimsIssuedNow();
        String rs256 = upgradedCodec.encode(claims);
        assertThat(algorithmOf(rs256)).as("not rotated early").isEqualTo("RS256");

        clock.advance(Duration.ofDays(1));
        upgradedRotation.runOnce();
        clock.advance(DELAY);
        upgradedRotation.runOnce();

        assertThat(algorithmOf(upgradedCodec.encode(claimsIssuedNow()))).isEqualTo("ES256");
        assertThat(upgradedCodec.verify(rs256, claims.issuer(), claims.audience(), clock.instant().minus(Duration.ofDays(1))))
                .isInstanceOf(AccessTokenCodec.Verification.Valid.class);
    }

    private static String algorithmOf(String token) throws java.text.ParseException {
        return com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getAlgorithm().getName();
    }

    @SuppressWarnings("unchecked")
    private List<String> kids() {
        List<java.util.Map<String, Object>> jwks = (List<java.util.Map<String, Object>>) keys.get().publicJwks().get("keys");
        return jwks.stream().map(k -> (String) k.get("kid")).toList();
    }

    private AccessTokenClaims claimsIssuedNow() {
        return new AccessTokenClaims("https://faultline.example", UserId.random(), new ProtectedResource("https://faultline.example/mcp"),
                new ClientId("client-1"), Scopes.READ_ONLY, "jti-" + clock.instant().toEpochMilli(), clock.instant(),
                clock.instant().plus(TOKEN_LIFETIME), ChainId.random());
    }
}
