package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                new ProtectedResource("https://faultline.example/mcp"), R1, NOW, STRICT);
    }

    /** Token {@code hash}, issued by {@code chain} at {@code generation}. */
    static IssuedRefresh issued(TokenChain chain, TokenHash hash, int generation) {
        return new IssuedRefresh(chain.id(), hash, generation);
    }

    static TokenChain rotated(RefreshOutcome outcome) {
        assertThat(outcome).isInstanceOf(RefreshOutcome.Rotated.class);
        return ((RefreshOutcome.Rotated) outcome).chain();
    }

    @Test
    void rotation_moves_the_current_token_and_remembers_only_the_previous_one() {
        TokenChain start = chain();
        TokenChain next = rotated(start.refresh(start.current(), R2, Optional.empty(), NOW.plusSeconds(5), STRICT));
        assertThat(next.currentRefresh()).isEqualTo(R2);
        assertThat(next.generation()).isEqualTo(2);
        assertThat(next.previousRefresh()).contains(R1);
        assertThat(next.lastUsedAt()).contains(NOW.plusSeconds(5));
        assertThat(next.refreshExpiresAt()).isEqualTo(NOW.plusSeconds(5).plus(Duration.ofDays(30)));
        TokenChain third = rotated(next.refresh(next.current(), R3, Optional.empty(), NOW.plusSeconds(6), STRICT));
        assertThat(third.previousRefresh()).contains(R2);
    }

    @Test
    void presenting_a_rotated_token_revokes_the_chain() {
        TokenChain start = chain();
        TokenChain next = rotated(start.refresh(start.current(), R2, Optional.empty(), NOW, STRICT));
        RefreshOutcome reuse = next.refresh(issued(next, R1, 1), R3, Optional.empty(), NOW.plusSeconds(1), STRICT);
        assertThat(reuse).isInstanceOf(RefreshOutcome.ReuseDetected.class);
        TokenChain revoked = ((RefreshOutcome.ReuseDetected) reuse).chain();
        assertThat(revoked.revocation()).contains(new Revocation(RevocationReason.REFRESH_REUSE, NOW.plusSeconds(1)));
        assertThat(revoked.refresh(revoked.current(), R3, Optional.empty(), NOW.plusSeconds(2), STRICT))
                .isEqualTo(new RefreshOutcome.ChainRevoked(revoked.id(), RevocationReason.REFRESH_REUSE));
    }

    @Test
    void any_earlier_generation_is_reuse_however_old() {
        TokenChain chain = chain();
        TokenHash[] hashes = new TokenHash[12];
        hashes[0] = R1;
        for (int g = 1; g < hashes.length; g++) {
            hashes[g] = TokenHash.of("flt_rt_gen_" + g);
            chain = rotated(chain.refresh(chain.current(), hashes[g], Optional.empty(), NOW, STRICT));
        }
        for (int g = 0; g < hashes.length - 1; g++) {
            assertThat(chain.refresh(issued(chain, hashes[g], g + 1), R4, Optional.empty(), NOW, STRICT))
                    .as("generation %d", g + 1).isInstanceOf(RefreshOutcome.ReuseDetected.class);
        }
    }

    @Test
    void within_the_grace_the_immediately_previous_token_is_refused_without_revoking() {
        TokenChain one = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(), Scopes.READ_WRITE,
                new ProtectedResource("https://faultline.example/mcp"), R1, NOW, GRACE);
        TokenChain two = rotated(one.refresh(one.current(), R2, Optional.empty(), NOW, GRACE));
        TokenChain three = rotated(two.refresh(two.current(), R3, Optional.empty(), NOW.plusSeconds(1), GRACE));
        // R2 is the immediate predecessor of R3: within 10 s it is the loser of a race, refused, nothing changes.
        assertThat(three.refresh(issued(three, R2, 2), R4, Optional.empty(), NOW.plusSeconds(10), GRACE))
                .isEqualTo(new RefreshOutcome.JustRotated(three.id(), NOW.plusSeconds(1)));
        assertThat(three.refresh(three.current(), R4, Optional.empty(), NOW.plusSeconds(10), GRACE))
                .as("the winner's token still rotates").isInstanceOf(RefreshOutcome.Rotated.class);
        // R1 is older: reuse, even inside the window.
        assertThat(three.refresh(issued(three, R1, 1), R4, Optional.empty(), NOW.plusSeconds(2), GRACE))
                .isInstanceOf(RefreshOutcome.ReuseDetected.class);
        // R2 after the window: reuse.
        assertThat(three.refresh(issued(three, R2, 2), R4, Optional.empty(), NOW.plusSeconds(11), GRACE))
                .isInstanceOf(RefreshOutcome.ReuseDetected.class);
        // Strict never spares it.
        assertThat(three.refresh(issued(three, R2, 2), R4, Optional.empty(), NOW.plusSeconds(1), STRICT))
                .isInstanceOf(RefreshOutcome.ReuseDetected.class);
    }

    @Test
    void reuse_carries_the_revocation_to_store() {
        TokenChain start = chain();
        TokenChain next = rotated(start.refresh(start.current(), R2, Optional.empty(), NOW, STRICT));
        RefreshOutcome.ReuseDetected reuse = (RefreshOutcome.ReuseDetected) next.refresh(issued(next, R1, 1), R3,
                Optional.empty(), NOW.plusSeconds(3), STRICT);
        assertThat(reuse.revocation()).isEqualTo(new Revocation(RevocationReason.REFRESH_REUSE, NOW.plusSeconds(3)));
        assertThatThrownBy(() -> new RefreshOutcome.ReuseDetected(next)).isInstanceOf(IllegalArgumentException.class);
    }

    static AccessTokenClaims claimsOf(TokenChain chain, Scopes scopes, Instant issuedAt) {
        return new AccessTokenClaims("https://faultline.example", chain.userId(), chain.audience(), chain.clientId(),
                scopes, "jti", issuedAt, issuedAt.plus(Duration.ofHours(1)), chain.id());
    }

    @Test
    void an_active_chain_admits_its_access_tokens_with_the_scopes_the_grant_allows() {
        TokenChain readOnly = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(),
                Scopes.READ_ONLY, new ProtectedResource("https://faultline.example/mcp"), R1, NOW, STRICT);
        assertThat(readOnly.admit(claimsOf(readOnly, Scopes.READ_WRITE, NOW), NOW.plusSeconds(1)))
                .isEqualTo(new AccessAdmission.Admitted(Scopes.READ_ONLY));
        assertThat(readOnly.admit(claimsOf(readOnly, new Scopes(java.util.EnumSet.of(Scope.WRITE)), NOW), NOW))
                .isEqualTo(new AccessAdmission.Refused(AccessAdmission.Refusal.NO_SCOPE_OF_THE_GRANT));
    }

    @Test
    void a_revoked_ended_or_expired_chain_admits_no_access_token() {
        TokenChain chain = chain();
        AccessTokenClaims claims = claimsOf(chain, Scopes.READ_ONLY, NOW);
        assertThat(chain.revoke(RevocationReason.REFRESH_REUSE, NOW).admit(claims, NOW))
                .isEqualTo(new AccessAdmission.Refused(AccessAdmission.Refusal.GRANT_REVOKED));
        assertThat(chain.admit(claims, chain.refreshExpiresAt().minusNanos(1)))
                .isInstanceOf(AccessAdmission.Admitted.class);
        assertThat(chain.admit(claims, chain.refreshExpiresAt()))
                .as("active is the rule: refresh expiry ends access too")
                .isEqualTo(new AccessAdmission.Refused(AccessAdmission.Refusal.GRANT_EXPIRED));
        RotationPolicy shortGrant = new RotationPolicy(Duration.ofDays(30), Duration.ZERO, Duration.ofDays(3));
        TokenChain ending = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(), Scopes.READ_ONLY,
                new ProtectedResource("https://faultline.example/mcp"), R1, NOW, shortGrant);
        assertThat(ending.admit(claimsOf(ending, Scopes.READ_ONLY, NOW), ending.grantEndsAt()))
                .isEqualTo(new AccessAdmission.Refused(AccessAdmission.Refusal.GRANT_ENDED));
    }

    @Test
    void an_access_token_naming_another_person_client_or_resource_is_not_admitted() {
        TokenChain chain = chain();
        AccessTokenClaims own = claimsOf(chain, Scopes.READ_ONLY, NOW);
        AccessTokenClaims[] others = {
            new AccessTokenClaims(own.issuer(), UserId.random(), own.audience(), own.clientId(), own.scopes(),
                    own.jwtId(), own.issuedAt(), own.expiresAt(), own.chainId()),
            new AccessTokenClaims(own.issuer(), own.subject(), own.audience(), new ClientId("other"), own.scopes(),
                    own.jwtId(), own.issuedAt(), own.expiresAt(), own.chainId()),
            new AccessTokenClaims(own.issuer(), own.subject(), new ProtectedResource("https://elsewhere.example/mcp"), own.clientId(),
                    own.scopes(), own.jwtId(), own.issuedAt(), own.expiresAt(), own.chainId()),
            new AccessTokenClaims(own.issuer(), own.subject(), own.audience(), own.clientId(), own.scopes(),
                    own.jwtId(), own.issuedAt(), own.expiresAt(), ChainId.random())};
        for (AccessTokenClaims other : others) {
            assertThat(chain.admit(other, NOW)).as("%s", other)
                    .isEqualTo(new AccessAdmission.Refused(AccessAdmission.Refusal.NOT_THIS_GRANT));
        }
        assertThat(chain.admit(own, NOW)).isInstanceOf(AccessAdmission.Admitted.class);
    }

    @Test
    void scope_may_narrow_but_never_widen() {
        TokenChain readOnly = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(),
                Scopes.READ_ONLY, new ProtectedResource("https://faultline.example/mcp"), R1, NOW, STRICT);
        assertThat(readOnly.refresh(readOnly.current(), R2, Optional.of(Scopes.READ_WRITE), NOW, STRICT))
                .isEqualTo(new RefreshOutcome.ScopeWidening(Scopes.READ_WRITE, Scopes.READ_ONLY));
        TokenChain chain = chain();
        RefreshOutcome narrowed = chain.refresh(chain.current(), R2, Optional.of(Scopes.READ_ONLY), NOW, STRICT);
        assertThat(((RefreshOutcome.Rotated) narrowed).accessTokenScopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(((RefreshOutcome.Rotated) narrowed).chain().scopes()).isEqualTo(Scopes.READ_WRITE);
    }

    @Test
    void the_grant_decides_what_a_token_may_do() {
        TokenChain readOnly = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(),
                Scopes.READ_ONLY, new ProtectedResource("https://faultline.example/mcp"), R1, NOW, STRICT);
        assertThat(readOnly.effectiveScopes(Scopes.READ_WRITE)).contains(Scopes.READ_ONLY);
        assertThat(chain().effectiveScopes(Scopes.READ_ONLY)).contains(Scopes.READ_ONLY);
        assertThat(readOnly.effectiveScopes(new Scopes(java.util.EnumSet.of(Scope.WRITE)))).isEmpty();
    }

    @Test
    void expired_and_unknown_tokens_change_nothing() {
        TokenChain chain = chain();
        assertThat(chain.refresh(chain.current(), R2, Optional.empty(), NOW.plus(Duration.ofDays(30)), STRICT))
                .isEqualTo(new RefreshOutcome.Expired(chain.id(), NOW.plus(Duration.ofDays(30))));
        assertThat(chain.refresh(issued(chain, R4, 1), R2, Optional.empty(), NOW, STRICT))
                .isInstanceOf(RefreshOutcome.UnknownToken.class);
        assertThat(chain.refresh(new IssuedRefresh(ChainId.random(), R1, 1), R2, Optional.empty(), NOW, STRICT))
                .as("another chain's token").isInstanceOf(RefreshOutcome.UnknownToken.class);
    }

    @Test
    void a_grant_ends_at_its_absolute_lifetime_however_often_it_rotates() {
        RotationPolicy policy = new RotationPolicy(Duration.ofDays(30), Duration.ZERO, Duration.ofDays(90));
        TokenChain chain = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(), Scopes.READ_ONLY,
                new ProtectedResource("https://faultline.example/mcp"), R1, NOW, policy);
        Instant end = NOW.plus(Duration.ofDays(90));
        assertThat(chain.grantEndsAt()).isEqualTo(end);
        Instant at = NOW;
        for (int day = 1; day <= 89; day++) {
            at = NOW.plus(Duration.ofDays(day));
            chain = rotated(chain.refresh(chain.current(), TokenHash.of("flt_rt_day_" + day), Optional.empty(),
                    at, policy));
            assertThat(chain.refreshExpiresAt()).isBeforeOrEqualTo(end);
        }
        assertThat(chain.refreshExpiresAt()).as("the last rotations are capped at the grant's end").isEqualTo(end);
        Instant lastMoment = end.minusNanos(1);
        assertThat(chain.hasEndedAt(lastMoment)).isFalse();
        assertThat(chain.refresh(chain.current(), R4, Optional.empty(), lastMoment, policy))
                .as("at the limit").isInstanceOf(RefreshOutcome.Rotated.class);
        assertThat(chain.refresh(chain.current(), R4, Optional.empty(), end, policy))
                .as("one past it").isEqualTo(new RefreshOutcome.GrantEnded(chain.id(), end));
        assertThat(chain.hasEndedAt(end)).isTrue();
    }

    @Test
    void a_refresh_token_never_outlives_its_grant() {
        TokenChain chain = chain();
        assertThatThrownBy(() -> new TokenChain(chain.id(), chain.clientId(), chain.userId(), chain.scopes(),
                chain.audience(), chain.revocation(), chain.currentRefresh(), 1, Optional.empty(),
                chain.currentIssuedAt(), chain.grantEndsAt().plusSeconds(1), chain.createdAt(), chain.grantEndsAt(),
                chain.lastApprovedAt(), chain.lastUsedAt())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revoked_is_terminal_and_keeps_the_first_reason() {
        TokenChain revoked = chain().revoke(RevocationReason.USER_REVOKED, NOW);
        assertThat(revoked.revoke(RevocationReason.REFRESH_REUSE, NOW.plusSeconds(1)).revocation())
                .contains(new Revocation(RevocationReason.USER_REVOKED, NOW));
        assertThat(revoked.isActiveAt(NOW)).isFalse();
        assertThat(revoked.refresh(revoked.current(), R2, Optional.empty(), NOW, STRICT))
                .isInstanceOf(RefreshOutcome.ChainRevoked.class);
    }
}
