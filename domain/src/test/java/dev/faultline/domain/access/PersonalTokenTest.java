package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UserId ALICE = UserId.random();

    private static PersonalToken issue(Optional<Instant> expiresAt) {
        return PersonalToken.issue(PersonalTokenId.random(), ALICE, PersonalTokenTitle.of("CI"), Scopes.READ_ONLY,
                TokenHash.of("flt_pat_secret"), expiresAt, NOW);
    }

    @Test
    void a_new_token_is_active_unused_and_unrevoked() {
        PersonalToken token = issue(Optional.empty());

        assertThat(token.authenticate(NOW.plus(Duration.ofDays(3650)))).isEqualTo(new PersonalToken.Authentication.Active(token));
        assertThat(token.createdAt()).isEqualTo(NOW);
        assertThat(token.lastUsedAt()).isEmpty();
        assertThat(token.revokedAt()).isEmpty();
        assertThat(token.isOwnedBy(ALICE)).isTrue();
        assertThat(token.isOwnedBy(UserId.random())).isFalse();
    }

    @Test
    void an_expiring_token_works_until_its_expiry_and_not_from_then() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        PersonalToken token = issue(Optional.of(expiry));

        assertThat(token.authenticate(expiry.minusMillis(1))).isInstanceOf(PersonalToken.Authentication.Active.class);
        assertThat(token.authenticate(expiry)).isEqualTo(new PersonalToken.Authentication.Expired(expiry));
        assertThat(token.authenticate(expiry.plus(Duration.ofDays(1)))).isEqualTo(new PersonalToken.Authentication.Expired(expiry));
    }

    @Test
    void an_expiry_not_in_the_future_is_refused() {
        assertThatThrownBy(() -> issue(Optional.of(NOW))).isInstanceOf(InvalidValue.class)
                .hasMessageContaining("must be in the future")
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("expires_at");
        assertThatThrownBy(() -> issue(Optional.of(NOW.minusSeconds(1)))).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_revoked_token_is_refused_and_revocation_is_final() {
        PersonalToken token = issue(Optional.empty());
        Instant revokedAt = NOW.plus(Duration.ofHours(1));

        PersonalToken.Revocation first = token.revoke(revokedAt);
        assertThat(first).isInstanceOf(PersonalToken.Revocation.Revoked.class);
        PersonalToken revoked = ((PersonalToken.Revocation.Revoked) first).token();
        assertThat(revoked.revokedAt()).contains(revokedAt);
        assertThat(revoked.authenticate(revokedAt)).isEqualTo(new PersonalToken.Authentication.Revoked(revokedAt));

        assertThat(revoked.revoke(revokedAt.plusSeconds(60))).isEqualTo(new PersonalToken.Revocation.AlreadyRevoked(revokedAt));
        assertThat(token.revokedAt()).as("the original value is unchanged").isEmpty();
    }

    @Test
    void revoked_wins_over_expired() {
        Instant expiry = NOW.plus(Duration.ofDays(1));
        PersonalToken revoked = ((PersonalToken.Revocation.Revoked) issue(Optional.of(expiry)).revoke(NOW.plusSeconds(1))).token();

        assertThat(revoked.authenticate(expiry.plus(Duration.ofDays(1)))).isInstanceOf(PersonalToken.Authentication.Revoked.class);
    }

    @Test
    void use_is_recorded_at_most_once_per_interval() {
        PersonalToken token = issue(Optional.empty());
        assertThat(token.shouldRecordUse(NOW)).as("never used").isTrue();

        PersonalToken used = token.usedAt(NOW);
        assertThat(used.lastUsedAt()).contains(NOW);
        assertThat(used.shouldRecordUse(NOW.plusSeconds(1))).isFalse();
        assertThat(used.shouldRecordUse(NOW.plus(PersonalToken.USE_RECORDING_INTERVAL))).isFalse();
        assertThat(used.shouldRecordUse(NOW.plus(PersonalToken.USE_RECORDING_INTERVAL).plusMillis(1))).isTrue();
    }

    @Test
    void only_revoked_or_expired_tokens_end_before_a_cutoff() {
        Instant cutoff = NOW.plus(Duration.ofDays(60));
        PersonalToken active = issue(Optional.empty());
        PersonalToken expired = issue(Optional.of(NOW.plus(Duration.ofDays(1))));
        PersonalToken expiresLater = issue(Optional.of(cutoff.plusSeconds(1)));
        PersonalToken revoked = ((PersonalToken.Revocation.Revoked) active.revoke(NOW.plusSeconds(5))).token();

        assertThat(active.endedBefore(cutoff)).isFalse();
        assertThat(expired.endedBefore(cutoff)).isTrue();
        assertThat(expiresLater.endedBefore(cutoff)).isFalse();
        assertThat(revoked.endedBefore(cutoff)).isTrue();
        assertThat(revoked.endedBefore(NOW)).isFalse();
    }

    @Test
    void titles_are_trimmed_and_bounded() {
        assertThat(PersonalTokenTitle.of("  laptop  ").value()).isEqualTo("laptop");
        assertThat(PersonalTokenTitle.of("é".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> PersonalTokenTitle.of("x".repeat(101))).isInstanceOf(InvalidValue.class)
                .hasMessage("a token title is at most 100 characters");
        assertThatThrownBy(() -> PersonalTokenTitle.of("   ")).hasMessage("a token title is required");
        assertThatThrownBy(() -> PersonalTokenTitle.of(null)).hasMessage("a token title is required");
        assertThatThrownBy(() -> PersonalTokenTitle.of("a\nb")).hasMessage("a token title must not contain control characters");
    }

    @Test
    void a_stored_title_that_todays_rules_refuse_reads_back_as_stored() {
        assertThat(new PersonalTokenTitle("lap\u001btop\u202E").value()).isEqualTo("lap\u001btop\u202E");
        assertThatThrownBy(() -> PersonalTokenTitle.of("lap\u001btop")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void token_ids_parse_from_text_or_refuse_with_the_field_name() {
        PersonalTokenId id = PersonalTokenId.random();
        assertThat(PersonalTokenId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> PersonalTokenId.parse("nope")).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("token_id");
    }

    @Test
    void to_string_omits_the_hash() {
        PersonalToken token = issue(Optional.empty());
        assertThat(token.toString()).doesNotContain(token.tokenHash().hex()).contains(token.id().toString());
    }
}
