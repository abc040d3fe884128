package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.access.AuthorizationCode.Redemption;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizationCodeTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String VERIFIER = PkceChallengeTest.VERIFIER;
    static final ClientId CLIENT = new ClientId("client-1");
    static final String REDIRECT = "http://127.0.0.1:5000/cb";

    final AuthorizationCode code = AuthorizationCode.issue(TokenHash.of("flt_ac_x"), CLIENT, UserId.random(),
            RedirectUri.parse(REDIRECT), Scopes.READ_ONLY, new ProtectedResource("https://faultline.example/mcp"), PkceChallenge.derivedFrom(VERIFIER), NOW,
            Duration.ofSeconds(60));

    @Test
    void redeems_once_and_names_the_chain_it_produces() {
        Redemption first = code.redeem(CLIENT, REDIRECT, VERIFIER, NOW.plusSeconds(10));
        assertThat(first).isInstanceOf(Redemption.Redeemed.class);
        Redemption.Redeemed redeemed = (Redemption.Redeemed) first;
        assertThat(redeemed.code().redeemedAt()).contains(NOW.plusSeconds(10));
        assertThat(redeemed.code().producedChain()).contains(redeemed.chainId());

        assertThat(redeemed.code().redeem(CLIENT, REDIRECT, VERIFIER, NOW.plusSeconds(11)))
                .isEqualTo(new Redemption.Replayed(java.util.Optional.of(redeemed.chainId())));
    }

    @Test
    void checks_client_expiry_redirect_and_verifier() {
        assertThat(code.redeem(new ClientId("other"), REDIRECT, VERIFIER, NOW))
                .isInstanceOf(Redemption.ClientMismatch.class);
        assertThat(code.redeem(CLIENT, REDIRECT, VERIFIER, NOW.plusSeconds(60)))
                .isEqualTo(new Redemption.Expired(NOW.plusSeconds(60)));
        assertThat(code.redeem(CLIENT, "http://127.0.0.1:5001/cb", VERIFIER, NOW))
                .isInstanceOf(Redemption.RedirectMismatch.class);
        assertThat(code.redeem(CLIENT, REDIRECT, "x".repeat(43), NOW))
                .isEqualTo(new Redemption.VerifierMismatch("code_verifier does not match the code_challenge"));
        assertThat(code.redeem(CLIENT, REDIRECT, null, NOW))
                .isEqualTo(new Redemption.VerifierMismatch("code_verifier is required"));
        assertThat(code.isRedeemed()).isFalse();
    }

    @Test
    void a_code_lives_at_most_sixty_seconds() {
        assertThatThrownBy(() -> AuthorizationCode.issue(TokenHash.of("c"), CLIENT, UserId.random(), RedirectUri.parse(REDIRECT),
                Scopes.READ_ONLY, new ProtectedResource("https://faultline.example/mcp"), PkceChallenge.derivedFrom(VERIFIER), NOW, Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
