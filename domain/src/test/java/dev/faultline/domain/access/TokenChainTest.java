package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenChainTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final RotationPolicy STRICT = RotationPolicy.strict(Duration.ofDays(30));
    static final RotationPolicy GRACE = new RotationPolicy(Duration.ofDays(30), Duration.ofSeconds(10));
    static final TokenHash R1 = TokenHash.of("flt_rt_1");
    static final TokenHash R2 = TokenHash.of("flt_rt_2");
    static final TokenHash R3 = TokenHash.of("flt_rt_3");
    static final TokenHash R4 = TokenHash.of("flt_rt_4");

    static TokenChain chain() {
        return TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(), Scopes.READ_WRITE,
                "https://faultline.example/mcp", R1, NOW, Duration.ofDays(30));
    }

    static TokenChain rotated(RefreshOutcome outcome) {
        assertThat(outcome).isInstanceOf(RefreshOutcome.Rotated.class);
        return ((RefreshOutcome.Rotated) outcome).chain();
    }

    @Test
    void rotation_moves_the_current_token_and_keeps_the_old_one_for_reuse_detection() {
        TokenChain next = rotated(chain().refresh(R1, R2, Optional.empty(), NOW.plusSeconds(5), STRICT));
        assertThat(next.currentRefresh()).isEqualTo(R2);
        assertThat(next.generation()).isEqualTo(2);
        assertThat(next.earlierRefreshes()).containsExactly(R1);
        assertThat(next.lastUsedAt()).contains(NOW.plusSeconds(5));
        assertThat(next.refreshExpiresAt()).isEqualTo(NOW.plusSeconds(5).plus(Duration.ofDays(30)));
    }

    @Test
    void presenting_a_rotated_token_revokes_the_chain() {
        TokenChain next = rotated(chain().refresh(R1, R2, Optional.empty(), NOW, STRICT));
        RefreshOutcome reuse = next.refresh(R1, R3, Optional.empty(), NOW.plusSeconds(1), STRICT);
        assertThat(reuse).isInstanceOf(RefreshOutcome.ReuseDetected.class);
        TokenChain revoked = ((RefreshOutcome.ReuseDetected) reuse).chain();
        assertThat(revoked.revocation()).contains(new Revocation(RevocationReason.REFRESH_REUSE, NOW.plusSeconds(1)));
        assertThat(revoked.refresh(R2, R3, Optional.empty(), NOW.plusSeconds(2), STRICT))
                .isEqualTo(new RefreshOutcome.ChainRevoked(revoked.id(), RevocationReason.REFRESH_REUSE));
    }

    @Test
    void grace_accepts_only_the_immediately_previous_token_inside_the_window() {
        TokenChain two = rotated(chain().refresh(R1, R2, Optional.empty(), NOW, GRACE));
        TokenChain three = rotated(two.refresh(R2, R3, Optional.empty(), NOW.plusSeconds(1), GRACE));
        // R2 is the immediate predecessor of R3: accepted within 10 s.
        assertThat(three.refresh(R2, R4, Optional.empty(), NOW.plusSeconds(10), GRACE))
                .isInstanceOf(RefreshOutcome.Rotated.class);
        // R1 is older: reuse, even inside the window.
        assertThat(three.refresh(R1, R4, Optional.empty(), NOW.plusSeconds(2), GRACE))
                .isInstanceOf(RefreshOutcome.ReuseDetected.class);
        // R2 after the window: reuse.
        assertThat(three.refresh(R2, R4, Optional.empty(), NOW.plusSeconds(11), GRACE))
                .isInstanceOf(RefreshOutcome.ReuseDetected.class);
        // Strict (the default) never accepts it.
        assertThat(three.refresh(R2, R4, Optional.empty(), NOW.plusSeconds(1), STRICT))
                .isInstanceOf(RefreshOutcome.ReuseDetected.class);
    }

    @Test
    void scope_may_narrow_but_never_widen() {
        TokenChain readOnly = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(),
                Scopes.READ_ONLY, "aud", R1, NOW, Duration.ofDays(30));
        assertThat(readOnly.refresh(R1, R2, Optional.of(Scopes.READ_WRITE), NOW, STRICT))
                .isEqualTo(new RefreshOutcome.ScopeWidening(Scopes.READ_WRITE, Scopes.READ_ONLY));
        RefreshOutcome narrowed = chain().refresh(R1, R2, Optional.of(Scopes.READ_ONLY), NOW, STRICT);
        assertThat(((RefreshOutcome.Rotated) narrowed).accessTokenScopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(((RefreshOutcome.Rotated) narrowed).chain().scopes()).isEqualTo(Scopes.READ_WRITE);
    }

    @Test
    void expired_and_unknown_tokens_change_nothing() {
        TokenChain chain = chain();
        assertThat(chain.refresh(R1, R2, Optional.empty(), NOW.plus(Duration.ofDays(30)), STRICT))
                .isEqualTo(new RefreshOutcome.Expired(chain.id(), NOW.plus(Duration.ofDays(30))));
        assertThat(chain.refresh(R4, R2, Optional.empty(), NOW, STRICT))
                .isInstanceOf(RefreshOutcome.UnknownToken.class);
    }

    @Test
    void revoked_is_terminal_and_keeps_the_first_reason() {
        TokenChain revoked = chain().revoke(RevocationReason.USER_REVOKED, NOW);
        assertThat(revoked.revoke(RevocationReason.REFRESH_REUSE, NOW.plusSeconds(1)).revocation())
                .contains(new Revocation(RevocationReason.USER_REVOKED, NOW));
        assertThat(revoked.isActiveAt(NOW)).isFalse();
        assertThat(revoked.refresh(R1, R2, Optional.empty(), NOW, STRICT))
                .isInstanceOf(RefreshOutcome.ChainRevoked.class);
    }
}
