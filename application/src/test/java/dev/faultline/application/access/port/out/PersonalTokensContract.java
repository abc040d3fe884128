package dev.faultline.application.access.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.testing.Race;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PersonalTokens} must do. Times are whole seconds so that every store keeps them exactly.
 */
public abstract class PersonalTokensContract {
    protected static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private PersonalTokens tokens;
    private UserId alice;
    private UserId bob;

    /** The store under test, empty. Called once per test. */
    protected abstract PersonalTokens personalTokens();

    /** A user that exists in the store's world (a row in {@code users} for a database). */
    protected abstract UserId existingUser();

    @BeforeEach
    void setUpStore() {
        tokens = personalTokens();
        alice = existingUser();
        bob = existingUser();
    }

    private static PersonalToken token(UserId owner, Instant createdAt) {
        return new PersonalToken(PersonalTokenId.random(), owner, PersonalTokenTitle.of("token " + createdAt),
                Scopes.READ_ONLY, TokenHash.of("flt_pat_" + UUID.randomUUID()), createdAt, null, null, null);
    }

    private static PersonalToken withExpiry(PersonalToken t, Instant expiresAt) {
        return new PersonalToken(t.id(), t.owner(), t.title(), t.scopes(), t.tokenHash(), t.createdAt(), null, expiresAt, null);
    }

    @Test
    void a_stored_token_is_found_by_id_and_by_hash_with_every_field() {
        PersonalToken full = new PersonalToken(PersonalTokenId.random(), alice, PersonalTokenTitle.of("Ünïcode laptop ✓"),
                Scopes.READ_WRITE, TokenHash.of("flt_pat_full"), T0, T0.plusSeconds(30), T0.plus(Duration.ofDays(90)), T0.plusSeconds(60));
        PersonalToken bare = token(alice, T0);

        tokens.add(full);
        tokens.add(bare);

        assertThat(tokens.findById(full.id())).contains(full);
        assertThat(tokens.findByHash(full.tokenHash())).contains(full);
        assertThat(tokens.findById(bare.id())).contains(bare);
        assertThat(tokens.findByHash(bare.tokenHash())).contains(bare);
    }

    @Test
    void revoking_all_of_a_users_tokens_keeps_earlier_revocations_and_leaves_others_alone() {
        PersonalToken active = token(alice, T0);
        PersonalToken expired = withExpiry(token(alice, T0), T0.plusSeconds(1));
        PersonalToken revokedEarlier = token(alice, T0);
        PersonalToken bobs = token(bob, T0);
        List.of(active, expired, revokedEarlier, bobs).forEach(tokens::add);
        tokens.revoke(revokedEarlier.id(), T0.plusSeconds(2));

        assertThat(tokens.revokeAllFor(alice, T0.plusSeconds(10))).isEqualTo(2);

        assertThat(tokens.findById(active.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(10));
        assertThat(tokens.findById(expired.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(10));
        assertThat(tokens.findById(revokedEarlier.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(2));
        assertThat(tokens.findById(bobs.id()).orElseThrow().revokedAt()).isEmpty();
        assertThat(tokens.revokeAllFor(alice, T0.plusSeconds(11))).isZero();
    }

    @Test
    void unknown_ids_and_hashes_are_not_found() {
        tokens.add(token(alice, T0));

        assertThat(tokens.findById(PersonalTokenId.random())).isEmpty();
        assertThat(tokens.findByHash(TokenHash.of("flt_pat_other"))).isEmpty();
    }

    @Test
    void a_duplicate_id_or_hash_is_refused_and_changes_nothing() {
        PersonalToken original = token(alice, T0);
        tokens.add(original);
        PersonalToken sameId = new PersonalToken(original.id(), bob, PersonalTokenTitle.of("other"), Scopes.READ_WRITE,
                TokenHash.of("flt_pat_different"), T0, null, null, null);
        PersonalToken sameHash = new PersonalToken(PersonalTokenId.random(), bob, PersonalTokenTitle.of("other"),
                Scopes.READ_WRITE, original.tokenHash(), T0, null, null, null);

        assertThatThrownBy(() -> tokens.add(sameId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tokens.add(sameHash)).isInstanceOf(IllegalStateException.class);

        assertThat(tokens.findById(original.id())).contains(original);
        assertThat(tokens.findById(sameHash.id())).isEmpty();
        assertThat(tokens.findByHash(sameId.tokenHash())).isEmpty();
        assertThat(tokens.listForUser(bob)).isEmpty();
    }

    @Test
    void a_user_lists_only_their_own_tokens_newest_first_including_revoked_ones() {
        PersonalToken oldest = token(alice, T0);
        PersonalToken middle = token(alice, T0.plusSeconds(10));
        PersonalToken newest = token(alice, T0.plusSeconds(20));
        tokens.add(middle);
        tokens.add(oldest);
        tokens.add(newest);
        tokens.add(token(bob, T0.plusSeconds(5)));
        tokens.revoke(middle.id(), T0.plusSeconds(30));

        assertThat(tokens.listForUser(alice)).extracting(PersonalToken::id).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(tokens.listForUser(alice).get(1).revokedAt()).contains(T0.plusSeconds(30));
        assertThat(tokens.listForUser(bob)).hasSize(1);
        assertThat(tokens.listForUser(UserId.random())).isEmpty();
    }

    @Test
    void revoking_is_a_compare_and_set_that_keeps_the_first_time() {
        PersonalToken token = token(alice, T0);
        tokens.add(token);

        assertThat(tokens.revoke(token.id(), T0.plusSeconds(60))).isTrue();
        assertThat(tokens.revoke(token.id(), T0.plusSeconds(120))).isFalse();

        assertThat(tokens.findById(token.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(60));
        assertThat(tokens.findByHash(token.tokenHash()).orElseThrow().revokedAt()).contains(T0.plusSeconds(60));
        assertThat(tokens.revoke(PersonalTokenId.random(), T0)).isFalse();
    }

    @Test
    void of_many_concurrent_revocations_exactly_one_wins() throws Exception {
        PersonalToken token = token(alice, T0);
        tokens.add(token);

        List<Boolean> results = Race.concurrently(8, i -> tokens.revoke(token.id(), T0.plusSeconds(100 + i)));

        assertThat(results).containsOnlyOnce(true);
        Instant kept = tokens.findById(token.id()).orElseThrow().revokedAt().orElseThrow();
        assertThat(kept).isBetween(T0.plusSeconds(100), T0.plusSeconds(107));
    }

    @Test
    void use_is_recorded_only_when_the_last_recorded_use_is_stale() {
        PersonalToken token = token(alice, T0);
        tokens.add(token);
        Duration interval = Duration.ofMinutes(5);

        assertThat(tokens.recordUse(token.id(), T0.plusSeconds(10), T0.plusSeconds(10).minus(interval))).isTrue();
        assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(10));

        Instant soon = T0.plusSeconds(70);
        assertThat(tokens.recordUse(token.id(), soon, soon.minus(interval))).isFalse();
        assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(10));

        Instant later = T0.plusSeconds(10).plus(interval).plusSeconds(1);
        assertThat(tokens.recordUse(token.id(), later, later.minus(interval))).isTrue();
        assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).contains(later);

        assertThat(tokens.recordUse(PersonalTokenId.random(), later, later)).isFalse();
    }

    @Test
    void of_many_concurrent_uses_at_most_one_writes() throws Exception {
        PersonalToken token = token(alice, T0);
        tokens.add(token);
        Instant now = T0.plusSeconds(600);

        List<Boolean> results = Race.concurrently(8, i -> tokens.recordUse(token.id(), now, now.minus(Duration.ofMinutes(5))));

        assertThat(results).containsOnlyOnce(true);
        assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).contains(now);
    }

    @Test
    void purging_deletes_only_tokens_revoked_or_expired_before_the_cutoff_in_batches() {
        Instant cutoff = T0.plus(Duration.ofDays(30));
        PersonalToken active = token(alice, T0);
        PersonalToken expiresAfterCutoff = withExpiry(token(alice, T0), cutoff.plusSeconds(1));
        PersonalToken revokedAfterCutoff = token(alice, T0);
        List<PersonalToken> ended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ended.add(withExpiry(token(alice, T0), T0.plus(Duration.ofDays(1 + i))));
            ended.add(token(bob, T0));
        }
        for (PersonalToken t : List.of(active, expiresAfterCutoff, revokedAfterCutoff)) {
            tokens.add(t);
        }
        ended.forEach(tokens::add);
        tokens.revoke(revokedAfterCutoff.id(), cutoff.plusSeconds(1));
        ended.stream().filter(t -> t.owner().equals(bob)).forEach(t -> tokens.revoke(t.id(), T0.plusSeconds(5)));

        assertThat(tokens.purgeEndedBefore(cutoff, 4)).isEqualTo(4);
        assertThat(tokens.purgeEndedBefore(cutoff, 4)).isEqualTo(2);
        assertThat(tokens.purgeEndedBefore(cutoff, 4)).isZero();

        assertThat(ended).allSatisfy(t -> assertThat(tokens.findById(t.id())).isEmpty());
        assertThat(tokens.listForUser(alice)).extracting(PersonalToken::id)
                .containsExactlyInAnyOrder(active.id(), expiresAfterCutoff.id(), revokedAfterCutoff.id());
        assertThat(tokens.listForUser(bob)).isEmpty();
    }

    @Test
    void a_purge_batch_must_be_positive() {
        assertThatThrownBy(() -> tokens.purgeEndedBefore(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
