package dev.faultline.application.access.port.out;

import static dev.faultline.application.access.testing.AccessFixtures.RESOURCE;
import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.chain;
import static dev.faultline.application.access.testing.AccessFixtures.publicClient;
import static dev.faultline.application.access.testing.AccessFixtures.randomHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.RefreshTokensService;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.access.testing.FakeAccessTokenCodec;
import dev.faultline.application.access.testing.FakeSecretGenerator;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.IssuedRefresh;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.RefreshOutcome;
import dev.faultline.domain.access.Revocation;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.RotationPolicy;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TokenChains} adapter must do, including the refresh race. */
public abstract class TokenChainsContract {
    protected static final RotationPolicy STRICT = RotationPolicy.strict(Duration.ofDays(30));

    protected TokenChains chains;
    protected Clients clients;
    protected Client client;
    protected Client otherClient;
    protected UserId user;
    protected UserId otherUser;

    /** Called first before each test: a store that keeps data (a database) empties itself here. */
    protected void resetStorage() {
    }

    protected abstract TokenChains chains();

    /** The clients store the chains' clients must exist in (a database enforces it). */
    protected abstract Clients clients();

    /** A user that exists (a database enforces it). */
    protected abstract UserId existingUser();

    /** The grant locks of the same store, for the refresh race through the real use case. */
    protected abstract GrantLocks grantLocks();

    /** The units of work of the same store, for the refresh race through the real use case. */
    protected abstract Transactions transactions();

    @BeforeEach
    void freshStore() {
        resetStorage();
        chains = chains();
        clients = clients();
        client = publicClient(T0);
        otherClient = publicClient(T0);
        clients.add(client);
        clients.add(otherClient);
        user = existingUser();
        otherUser = existingUser();
    }

    private static TokenChain rotate(TokenChain chain, TokenHash next, Instant now) {
        RefreshOutcome outcome = chain.refresh(chain.current(), next, Optional.empty(), now, STRICT);
        return ((RefreshOutcome.Rotated) outcome).chain();
    }

    @Test
    void stores_and_finds_a_chain_by_id_and_by_its_refresh_token() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);

        assertThat(chains.findById(chain.id())).contains(chain);
        assertThat(chains.findIssuedRefresh(chain.currentRefresh())).contains(chain.current());
        assertThat(chains.findById(ChainId.random())).isEmpty();
        assertThat(chains.findIssuedRefresh(randomHash())).isEmpty();
    }

    /**
     * A presented refresh token is found with the chain that issued it, in the chain's current state: the current
     * token, and an earlier one (so that reuse is recognised), and a revoked chain's tokens too.
     */
    @Test
    void a_presented_refresh_token_is_found_with_its_chain_as_it_is_now() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        TokenChain other = chain(client.id(), user, T0);
        chains.add(other);
        TokenChain second = rotate(chain, randomHash(), T0.plusSeconds(10));
        assertThat(chains.rotate(chain.id(), chain.currentRefresh(), second)).isTrue();

        assertThat(chains.findPresented(second.currentRefresh()))
                .contains(new TokenChains.Presented(second.current(), second));
        assertThat(chains.findPresented(chain.currentRefresh())).contains(new TokenChains.Presented(
                new IssuedRefresh(chain.id(), chain.currentRefresh(), 1), second));
        assertThat(chains.findPresented(other.currentRefresh())).contains(new TokenChains.Presented(other.current(), other));
        assertThat(chains.findPresented(randomHash())).isEmpty();

        chains.revoke(chain.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(20));
        assertThat(chains.findPresented(chain.currentRefresh()).orElseThrow().chain().revocation())
                .contains(new Revocation(RevocationReason.USER_REVOKED, T0.plusSeconds(20)));
    }

    @Test
    void a_use_is_recorded_at_most_once_per_interval() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        Instant first = T0.plusSeconds(60);

        assertThat(chains.recordUse(chain.id(), first, first.minus(TokenChain.USE_RECORDING_INTERVAL))).isTrue();
        Instant soon = first.plusSeconds(30);
        assertThat(chains.recordUse(chain.id(), soon, soon.minus(TokenChain.USE_RECORDING_INTERVAL))).isFalse();
        assertThat(chains.findById(chain.id()).orElseThrow().lastUsedAt()).contains(first);

        Instant later = first.plus(TokenChain.USE_RECORDING_INTERVAL).plusSeconds(1);
        assertThat(chains.recordUse(chain.id(), later, later.minus(TokenChain.USE_RECORDING_INTERVAL))).isTrue();
        assertThat(chains.findById(chain.id()).orElseThrow().lastUsedAt()).contains(later);
        assertThat(chains.recordUse(ChainId.random(), later, later)).isFalse();
    }

    @Test
    void a_refresh_hash_belongs_to_one_chain_only() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        TokenChain twin = TokenChain.start(ChainId.random(), client.id(), user, Scopes.READ_ONLY, RESOURCE,
                chain.currentRefresh(), T0, RotationPolicy.strict(Duration.ofDays(1)));

        assertThatThrownBy(() -> chains.add(twin)).isInstanceOf(IllegalStateException.class);
        assertThat(chains.findById(twin.id())).isEmpty();
        assertThat(chains.findIssuedRefresh(chain.currentRefresh())).contains(chain.current());
    }

    @Test
    void rotation_is_a_compare_and_set_on_the_current_refresh_hash() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        TokenChain second = rotate(chain, randomHash(), T0.plusSeconds(10));
        TokenChain third = rotate(second, randomHash(), T0.plusSeconds(20));

        assertThat(chains.rotate(chain.id(), chain.currentRefresh(), second)).isTrue();
        assertThat(chains.rotate(chain.id(), chain.currentRefresh(), rotate(chain, randomHash(), T0))).isFalse();
        assertThat(chains.rotate(chain.id(), second.currentRefresh(), third)).isTrue();

        assertThat(chains.findById(chain.id())).contains(third);
        assertThat(chains.findIssuedRefresh(chain.currentRefresh()))
                .contains(new IssuedRefresh(chain.id(), chain.currentRefresh(), 1));
        assertThat(chains.findIssuedRefresh(second.currentRefresh()))
                .contains(new IssuedRefresh(chain.id(), second.currentRefresh(), 2));
        assertThat(chains.findIssuedRefresh(third.currentRefresh())).contains(third.current());
        assertThat(third.previousRefresh()).contains(second.currentRefresh());
    }

    /**
     * A chain is loaded with its own state only: however often it rotated, it carries the current and the
     * previous refresh hash, and every earlier hash is still found, one at a time, with its generation.
     */
    @Test
    void a_chain_loads_the_same_however_often_it_rotated_and_every_earlier_token_stays_known() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        List<TokenHash> issued = new ArrayList<>(List.of(chain.currentRefresh()));
        for (int i = 1; i <= 40; i++) {
            TokenChain next = rotate(chain, randomHash(), T0.plusSeconds(i));
            assertThat(chains.rotate(chain.id(), chain.currentRefresh(), next)).isTrue();
            issued.add(next.currentRefresh());
            chain = next;
        }

        TokenChain loaded = chains.findById(chain.id()).orElseThrow();
        assertThat(loaded).isEqualTo(chain);
        assertThat(loaded.generation()).isEqualTo(41);
        assertThat(loaded.previousRefresh()).contains(issued.get(39));
        for (int i = 0; i < issued.size(); i++) {
            assertThat(chains.findIssuedRefresh(issued.get(i))).contains(new IssuedRefresh(chain.id(), issued.get(i),
                    i + 1));
        }
        assertThat(loaded.refresh(new IssuedRefresh(chain.id(), issued.get(3), 4), randomHash(), Optional.empty(),
                T0.plusSeconds(60), STRICT)).isInstanceOf(RefreshOutcome.ReuseDetected.class);
    }

    @Test
    void the_grants_end_is_kept() {
        RotationPolicy shortGrant = new RotationPolicy(Duration.ofDays(30), Duration.ZERO, Duration.ofDays(2));
        TokenChain chain = TokenChain.start(ChainId.random(), client.id(), user, Scopes.READ_ONLY, RESOURCE,
                randomHash(), T0, shortGrant);
        chains.add(chain);

        TokenChain stored = chains.findById(chain.id()).orElseThrow();
        assertThat(stored.grantEndsAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(stored.refreshExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(chains.listActiveFor(user, T0.plus(Duration.ofDays(2)).minusSeconds(1))).containsExactly(stored);
        assertThat(chains.listActiveFor(user, T0.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void a_revoked_chain_never_rotates_and_keeps_its_first_revocation() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);

        chains.revoke(chain.id(), RevocationReason.CODE_REPLAY, T0.plusSeconds(1));
        chains.revoke(chain.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(2));

        assertThat(chains.rotate(chain.id(), chain.currentRefresh(), rotate(chain, randomHash(), T0))).isFalse();
        TokenChain stored = chains.findById(chain.id()).orElseThrow();
        assertThat(stored.revocation()).contains(new Revocation(RevocationReason.CODE_REPLAY, T0.plusSeconds(1)));
        assertThat(stored.currentRefresh()).isEqualTo(chain.currentRefresh());
        chains.revoke(ChainId.random(), RevocationReason.USER_REVOKED, T0); // unknown: nothing happens
    }

    @Test
    void revoke_all_for_a_user_and_client_touches_nothing_else() {
        TokenChain mine1 = chain(client.id(), user, T0);
        TokenChain mine2 = chain(client.id(), user, T0.plusSeconds(1));
        TokenChain otherApp = chain(otherClient.id(), user, T0);
        TokenChain otherPerson = chain(client.id(), otherUser, T0);
        List.of(mine1, mine2, otherApp, otherPerson).forEach(chains::add);
        chains.revoke(mine2.id(), RevocationReason.REFRESH_REUSE, T0.plusSeconds(5));

        assertThat(chains.revokeAllFor(user, client.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(9)))
                .isEqualTo(1);

        assertThat(chains.findById(mine1.id()).orElseThrow().revocation())
                .contains(new Revocation(RevocationReason.USER_REVOKED, T0.plusSeconds(9)));
        assertThat(chains.findById(mine2.id()).orElseThrow().revocation().orElseThrow().reason())
                .isEqualTo(RevocationReason.REFRESH_REUSE);
        assertThat(chains.findById(otherApp.id()).orElseThrow().isRevoked()).isFalse();
        assertThat(chains.findById(otherPerson.id()).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void revoking_all_of_a_users_chains_covers_every_client_and_expired_ones_but_no_one_else() {
        TokenChain mine = chain(client.id(), user, T0);
        TokenChain mineElsewhere = chain(otherClient.id(), user, T0);
        TokenChain expired = chain(client.id(), user, T0.minus(Duration.ofDays(31)));
        TokenChain alreadyRevoked = chain(client.id(), user, T0);
        TokenChain theirs = chain(client.id(), otherUser, T0);
        List.of(mine, mineElsewhere, expired, alreadyRevoked, theirs).forEach(chains::add);
        chains.revoke(alreadyRevoked.id(), RevocationReason.REFRESH_REUSE, T0);

        assertThat(chains.revokeAllFor(user, RevocationReason.USER_REVOKED, T0.plusSeconds(5))).isEqualTo(3);

        for (TokenChain chain : List.of(mine, mineElsewhere, expired)) {
            assertThat(chains.findById(chain.id()).orElseThrow().revocation())
                    .contains(new Revocation(RevocationReason.USER_REVOKED, T0.plusSeconds(5)));
        }
        assertThat(chains.findById(alreadyRevoked.id()).orElseThrow().revocation().orElseThrow().reason())
                .isEqualTo(RevocationReason.REFRESH_REUSE);
        assertThat(chains.findById(theirs.id()).orElseThrow().isRevoked()).isFalse();
        assertThat(chains.revokeAllFor(user, RevocationReason.USER_REVOKED, T0.plusSeconds(6))).isZero();
    }

    @Test
    void lists_only_the_users_active_chains() {
        TokenChain active = chain(client.id(), user, T0);
        TokenChain revoked = chain(client.id(), user, T0);
        TokenChain expired = chain(otherClient.id(), user, T0.minus(Duration.ofDays(31)));
        TokenChain someoneElses = chain(client.id(), otherUser, T0);
        List.of(active, revoked, expired, someoneElses).forEach(chains::add);
        chains.revoke(revoked.id(), RevocationReason.USER_REVOKED, T0);

        assertThat(chains.listActiveFor(user, T0.plusSeconds(1))).containsExactly(active);
    }

    @Test
    void lists_the_users_chains_revoked_for_the_given_reasons_most_recent_first() {
        TokenChain reused = chain(client.id(), user, T0);
        TokenChain replayed = chain(otherClient.id(), user, T0);
        TokenChain userRevoked = chain(client.id(), user, T0);
        TokenChain active = chain(client.id(), user, T0);
        TokenChain someoneElses = chain(client.id(), otherUser, T0);
        List.of(reused, replayed, userRevoked, active, someoneElses).forEach(chains::add);
        chains.revoke(reused.id(), RevocationReason.REFRESH_REUSE, T0.plusSeconds(10));
        chains.revoke(replayed.id(), RevocationReason.CODE_REPLAY, T0.plusSeconds(20));
        chains.revoke(userRevoked.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(30));
        chains.revoke(someoneElses.id(), RevocationReason.REFRESH_REUSE, T0.plusSeconds(40));
        Set<RevocationReason> theft = EnumSet.of(RevocationReason.REFRESH_REUSE, RevocationReason.CODE_REPLAY);

        assertThat(chains.listRevokedFor(user, theft, 10)).extracting(TokenChain::id)
                .containsExactly(replayed.id(), reused.id());
        assertThat(chains.listRevokedFor(user, theft, 1)).extracting(TokenChain::id).containsExactly(replayed.id());
        assertThat(chains.listRevokedFor(user, EnumSet.of(RevocationReason.USER_REVOKED), 10))
                .extracting(TokenChain::id).containsExactly(userRevoked.id());
        assertThat(chains.listRevokedFor(user, EnumSet.noneOf(RevocationReason.class), 10)).isEmpty();
    }

    @Test
    void purge_deletes_chains_ended_before_the_cutoff_with_all_their_refresh_hashes() {
        Instant cutoff = T0.plus(Duration.ofDays(60));
        TokenChain revokedLongAgo = chain(client.id(), user, T0);
        TokenChain expiredLongAgo = chain(client.id(), user, T0);
        TokenChain revokedRecently = chain(client.id(), user, cutoff.minus(Duration.ofDays(1)));
        TokenChain active = chain(client.id(), user, cutoff.minus(Duration.ofDays(1)));
        List.of(revokedLongAgo, expiredLongAgo, revokedRecently, active).forEach(chains::add);
        TokenChain rotated = rotate(revokedLongAgo, randomHash(), T0.plusSeconds(1));
        chains.rotate(revokedLongAgo.id(), revokedLongAgo.currentRefresh(), rotated);
        chains.revoke(revokedLongAgo.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(2));
        chains.revoke(revokedRecently.id(), RevocationReason.USER_REVOKED, cutoff.plusSeconds(1));

        assertThat(chains.purgeEndedBefore(cutoff, cutoff, 1)).isEqualTo(1);
        assertThat(chains.purgeEndedBefore(cutoff, cutoff, 1)).isEqualTo(1);
        assertThat(chains.purgeEndedBefore(cutoff, cutoff, 1)).isZero();

        assertThat(chains.findById(revokedLongAgo.id())).isEmpty();
        assertThat(chains.findIssuedRefresh(revokedLongAgo.currentRefresh())).isEmpty();
        assertThat(chains.findIssuedRefresh(rotated.currentRefresh())).isEmpty();
        assertThat(chains.findById(expiredLongAgo.id())).isEmpty();
        assertThat(chains.findById(revokedRecently.id())).isPresent();
        assertThat(chains.findById(active.id())).isPresent();
    }

    @Test
    void chains_revoked_for_a_theft_signal_are_kept_until_their_own_cutoff_as_security_events() {
        Instant cutoff = T0.plus(Duration.ofDays(60));
        Instant theftCutoff = T0.plus(Duration.ofDays(5));
        TokenChain reusedLongAgo = chain(client.id(), user, T0);
        TokenChain replayedRecently = chain(client.id(), user, T0);
        TokenChain userRevoked = chain(client.id(), user, T0);
        List.of(reusedLongAgo, replayedRecently, userRevoked).forEach(chains::add);
        chains.revoke(reusedLongAgo.id(), RevocationReason.REFRESH_REUSE, T0.plusSeconds(1));
        chains.revoke(replayedRecently.id(), RevocationReason.CODE_REPLAY, theftCutoff.plusSeconds(1));
        chains.revoke(userRevoked.id(), RevocationReason.USER_REVOKED, theftCutoff.plusSeconds(1));

        assertThat(chains.purgeEndedBefore(cutoff, theftCutoff, 10)).isEqualTo(2);

        assertThat(chains.findById(reusedLongAgo.id())).isEmpty();
        assertThat(chains.findById(userRevoked.id())).isEmpty();
        assertThat(chains.findById(replayedRecently.id())).as("refresh expired, but a recent security event")
                .isPresent();
    }

    /**
     * The refresh race, through the real use case on this adapter: two requests present the same refresh token
     * at once. Exactly one gets tokens; under a strict policy the other is a reuse, which revokes the chain.
     */
    @Test
    void two_concurrent_refreshes_of_one_token_exactly_one_wins_and_the_other_is_reuse() throws Exception {
        AccessPolicy strict = AccessPolicy.defaults("https://faultline.example").withRefreshReuseGrace(Duration.ZERO);
        race(strict, (round, outcomes, after) -> {
            assertThat(outcomes).as("round %d", round)
                    .filteredOn(o -> o instanceof TokenOutcome.Failed f
                            && f.error() == TokenOutcome.Error.INVALID_GRANT
                            && f.description().contains("already used"))
                    .hasSize(1);
            assertThat(after.revocation().map(Revocation::reason)).as("round %d", round)
                    .contains(RevocationReason.REFRESH_REUSE);
        });
    }

    /**
     * The same race under the default reuse grace (the clock stands still, so the loser is inside it): the loser
     * is refused without revoking, and the winner's grant lives on.
     */
    @Test
    void two_concurrent_refreshes_under_the_default_grace_one_wins_and_the_loser_revokes_nothing() throws Exception {
        race(AccessPolicy.defaults("https://faultline.example"), (round, outcomes, after) -> {
            assertThat(outcomes).as("round %d", round)
                    .filteredOn(o -> o instanceof TokenOutcome.Failed f
                            && f.error() == TokenOutcome.Error.INVALID_GRANT
                            && f.description().contains("just rotated"))
                    .hasSize(1);
            assertThat(after.revocation()).as("round %d", round).isEmpty();
        });
    }

    private interface RaceCheck {
        void check(int round, List<TokenOutcome> outcomes, TokenChain after);
    }

    private void race(AccessPolicy policy, RaceCheck check) throws Exception {
        MutableClock clock = new MutableClock(T0.plusSeconds(60));
        RefreshTokens refresh = new RefreshTokensService(clients, chains, grantLocks(), new FakeSecretGenerator(),
                new FakeAccessTokenCodec(), transactions(), policy, clock);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String refreshToken = "flt_rt_round_" + round + "_" + ChainId.random();
                TokenChain chain = TokenChain.start(ChainId.random(), client.id(), user, Scopes.READ_ONLY,
                        policy.mcpResource(), TokenHash.of(refreshToken), T0, STRICT);
                chains.add(chain);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TokenOutcome>> attempts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return refresh.refresh(new RefreshTokens.Command(
                                ClientCredentials.publicClient(client.id()), Optional.of(refreshToken), Optional.empty(),
                                Optional.empty()));
                    }));
                }
                start.countDown();
                List<TokenOutcome> outcomes = new ArrayList<>();
                for (Future<TokenOutcome> attempt : attempts) {
                    outcomes.add(attempt.get(20, TimeUnit.SECONDS));
                }

                assertThat(outcomes).as("round %d", round)
                        .filteredOn(o -> o instanceof TokenOutcome.Issued).hasSize(1);
                TokenChain after = chains.findById(chain.id()).orElseThrow();
                check.check(round, outcomes, after);
                assertThat(after.generation()).as("round %d: exactly one rotation", round).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
