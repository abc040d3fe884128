package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class PkceChallengeTest {
    // RFC 7636 Appendix B.
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void verifies_the_rfc_7636_example() {
        assertThat(PkceChallenge.of(CHALLENGE, "S256").verify(VERIFIER))
                .isInstanceOf(PkceChallenge.Verification.Matches.class);
        assertThat(PkceChallenge.derivedFrom(VERIFIER).value()).isEqualTo(CHALLENGE);
    }

    @Test
    void a_different_verifier_does_not_match() {
        String other = VERIFIER.substring(0, 42) + "Y";
        assertThat(PkceChallenge.of(CHALLENGE, "S256").verify(other))
                .isInstanceOf(PkceChallenge.Verification.DoesNotMatch.class);
    }

    @Test
    void malformed_verifiers_are_named() {
        PkceChallenge challenge = PkceChallenge.of(CHALLENGE, "S256");
        assertThat(challenge.verify(null)).isEqualTo(new PkceChallenge.Verification.Malformed(
                "code_verifier is required"));
        assertThat(challenge.verify("short")).isInstanceOf(PkceChallenge.Verification.Malformed.class);
        assertThat(challenge.verify("a".repeat(129))).isInstanceOf(PkceChallenge.Verification.Malformed.class);
        assertThat(challenge.verify("a".repeat(42) + "!")).isInstanceOf(PkceChallenge.Verification.Malformed.class);
        assertThat(challenge.verify("a".repeat(128)))
                .isInstanceOf(PkceChallenge.Verification.DoesNotMatch.class);
    }

    @Test
    void plain_is_refused_explicitly_and_by_default() {
        assertThatThrownBy(() -> PkceChallenge.of(CHALLENGE, "plain"))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("\"plain\" is not supported; use S256");
        assertThatThrownBy(() -> PkceChallenge.of(CHALLENGE, null))
                .hasMessageContaining("an absent method means plain");
        assertThatThrownBy(() -> PkceChallenge.of(CHALLENGE, "S512"))
                .hasMessageContaining("\"S512\" is not supported");
    }

    @Test
    void challenge_must_be_43_base64url_characters() {
        assertThatThrownBy(() -> PkceChallenge.of(null, "S256")).hasMessageContaining("code_challenge is required");
        assertThatThrownBy(() -> PkceChallenge.of(CHALLENGE + "=", "S256")).hasMessageContaining("43 base64url");
        assertThatThrownBy(() -> PkceChallenge.of(CHALLENGE.substring(1), "S256"))
                .hasMessageContaining("43 base64url");
        assertThatThrownBy(() -> PkceChallenge.of(CHALLENGE.replace('-', '+'), "S256"))
                .hasMessageContaining("43 base64url");
    }
}
