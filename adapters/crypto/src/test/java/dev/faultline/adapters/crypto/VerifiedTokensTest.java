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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The bearer check's memory of verified tokens: it skips the signature, never a claim, and stays bounded. */
class VerifiedTokensTest {
    private static final String ISSUER = "https://faultline.example";
    private static final ProtectedResource RESOURCE = new ProtectedResource(ISSUER + "/mcp");
    private static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DURING = ISSUED.plus(Duration.ofMinutes(30));
    private static final Duration SKEW = Duration.ofSeconds(10);
    private static final SigningKey KEY = SigningKey.generateRsa(2048, ISSUED.minus(Duration.ofDays(1)));
    private static final SigningKey OTHER_KEY = SigningKey.generateRsa(2048, ISSUED);

    private final AtomicReference<SigningKeys> keys = new AtomicReference<>(SigningKeys.of(KEY));
    private final JwtAccessTokenCodec codec = new JwtAccessTokenCodec(keys::get, SKEW, 2);

    @Test
    void a_remembered_token_still_expires() {
        String token = codec.encode(claims("jti-1"));
        assertThat(codec.verify(token, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Valid.class);
        assertThat(codec.rememberedTokens()).isEqualTo(1);

        Instant afterExpiry = ISSUED.plus(Duration.ofHours(1)).plus(SKEW);
        assertThat(codec.verify(token, ISSUER, RESOURCE, afterExpiry)).isInstanceOf(Verification.Invalid.class)
                .extracting(v -> ((Verification.Invalid) v).reason()).asString().startsWith("expired at");
        assertThat(codec.verify(token, ISSUER, RESOURCE, afterExpiry.minusSeconds(1)))
                .isEqualTo(new Verification.Valid(claims("jti-1")));
    }

    @Test
    void a_remembered_token_is_still_checked_for_issuer_and_audience() {
        String token = codec.encode(claims("jti-1"));
        codec.verify(token, ISSUER, RESOURCE, DURING);

        assertThat(codec.verify(token, "https://other.example", RESOURCE, DURING))
                .isInstanceOf(Verification.Invalid.class);
        assertThat(codec.verify(token, ISSUER, new ProtectedResource("https://other.example/mcp"), DURING))
                .isInstanceOf(Verification.Invalid.class);
        assertThat(codec.verify(token, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims("jti-1")));
    }

    @Test
    void a_remembered_token_whose_key_was_retired_is_refused() {
        String old = codec.encode(claims("jti-1"));
        assertThat(codec.verify(old, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Valid.class);

        keys.set(keys.get().rotateTo(OTHER_KEY));
        assertThat(codec.verify(old, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Valid.class);
        keys.set(keys.get().forgetRetiredCreatedBefore(OTHER_KEY.createdAt()));

        assertThat(codec.verify(old, ISSUER, RESOURCE, DURING)).isEqualTo(
                new Verification.Invalid("unknown or retired signing key kid \"" + KEY.keyId() + "\""));
    }

    @Test
    void a_token_with_a_bad_signature_is_not_remembered() {
        String foreign = new JwtAccessTokenCodec(() -> SigningKeys.of(OTHER_KEY), SKEW, 2).encode(claims("jti-1"));
        String forged = foreign.substring(0, foreign.lastIndexOf('.')) + codec.encode(claims("jti-1"))
                .substring(codec.encode(claims("jti-1")).lastIndexOf('.'));

        assertThat(codec.verify(forged, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Invalid.class);
        assertThat(codec.verify(foreign, ISSUER, RESOURCE, DURING)).isInstanceOf(Verification.Invalid.class);
        assertThat(codec.rememberedTokens()).isZero();
    }

    @Test
    void at_most_the_configured_number_of_tokens_is_kept_and_each_still_verifies() {
        String first = codec.encode(claims("jti-1"));
        String second = codec.encode(claims("jti-2"));
        String third = codec.encode(claims("jti-3"));

        assertThat(codec.verify(first, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims("jti-1")));
        assertThat(codec.verify(second, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims("jti-2")));
        assertThat(codec.rememberedTokens()).isEqualTo(2);
        assertThat(codec.verify(third, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims("jti-3")));
        assertThat(codec.rememberedTokens()).isBetween(1, 2);
        assertThat(codec.verify(first, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims("jti-1")));
        assertThat(codec.rememberedTokens()).isBetween(1, 2);
    }

    @Test
    void size_zero_remembers_nothing_and_a_negative_size_is_refused() {
        JwtAccessTokenCodec none = new JwtAccessTokenCodec(keys::get, SKEW, 0);
        String token = none.encode(claims("jti-1"));

        assertThat(none.verify(token, ISSUER, RESOURCE, DURING)).isEqualTo(new Verification.Valid(claims("jti-1")));
        assertThat(none.rememberedTokens()).isZero();
        assertThatThrownBy(() -> new JwtAccessTokenCodec(keys::get, SKEW, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final UserId USER = UserId.random();
    private static final ChainId CHAIN = ChainId.random();

    private static AccessTokenClaims claims(String jwtId) {
        return new AccessTokenClaims(ISSUER, USER, RESOURCE, new ClientId("client-123"), Scopes.READ_WRITE, jwtId,
                ISSUED, ISSUED.plus(Duration.ofHours(1)), CHAIN);
    }
}
