package dev.faultline.application.access.port.out;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.code;
import static dev.faultline.application.access.testing.AccessFixtures.publicClient;
import static dev.faultline.application.access.testing.AccessFixtures.randomHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuthorizationCodes} adapter must do. */
public abstract class AuthorizationCodesContract {
    protected AuthorizationCodes codes;
    protected Client client;
    protected UserId user;

    /** Called first before each test: a store that keeps data (a database) empties itself here. */
    protected void resetStorage() {
    }

    protected abstract AuthorizationCodes codes();

    /** The clients store the codes' client must exist in (a database enforces it). */
    protected abstract Clients clients();

    /** A user that exists (a database enforces it). */
    protected abstract UserId existingUser();

    @BeforeEach
    void freshStore() {
        resetStorage();
        codes = codes();
        client = publicClient(T0);
        clients().add(client);
        user = existingUser();
    }

    @Test
    void stores_and_finds_a_code_by_its_hash_with_every_field() {
        AuthorizationCode code = code(client.id(), user, T0);
        codes.add(code);

        assertThat(codes.findByHash(code.codeHash())).contains(code);
        assertThat(codes.findByHash(randomHash())).isEmpty();
    }

    @Test
    void discarding_removes_only_the_users_unredeemed_codes_of_the_given_client_or_of_all() {
        Client otherClient = publicClient(T0);
        clients().add(otherClient);
        UserId someoneElse = existingUser();
        AuthorizationCode pending = code(client.id(), user, T0);
        AuthorizationCode pendingOther = code(otherClient.id(), user, T0);
        AuthorizationCode redeemed = code(client.id(), user, T0);
        AuthorizationCode theirs = code(client.id(), someoneElse, T0);
        List.of(pending, pendingOther, redeemed, theirs).forEach(codes::add);
        codes.markRedeemed(redeemed.codeHash(), T0.plusSeconds(1), ChainId.random());

        assertThat(codes.discardUnredeemed(user, Optional.of(client.id()))).isEqualTo(1);
        assertThat(codes.findByHash(pending.codeHash())).isEmpty();
        assertThat(codes.findByHash(pendingOther.codeHash())).isPresent();
        assertThat(codes.discardUnredeemed(user, Optional.empty())).isEqualTo(1);
        assertThat(codes.findByHash(pendingOther.codeHash())).isEmpty();
        assertThat(codes.findByHash(redeemed.codeHash())).isPresent();
        assertThat(codes.findByHash(theirs.codeHash())).isPresent();
        assertThat(codes.discardUnredeemed(user, Optional.empty())).isZero();
    }

    @Test
    void a_code_hash_is_issued_once() {
        AuthorizationCode code = code(client.id(), user, T0);
        codes.add(code);
        AuthorizationCode twin = AuthorizationCode.issue(code.codeHash(), client.id(), user,
                dev.faultline.domain.access.RedirectUri.parse("https://other.example/cb"),
                code.scopes(), code.resource(), code.challenge(), T0.plusSeconds(1), java.time.Duration.ofSeconds(30));

        assertThatThrownBy(() -> codes.add(twin)).isInstanceOf(IllegalStateException.class);
        assertThat(codes.findByHash(code.codeHash())).contains(code);
    }

    @Test
    void a_code_is_redeemed_once_and_remembers_the_chain_it_produced() {
        AuthorizationCode code = code(client.id(), user, T0);
        codes.add(code);
        ChainId first = ChainId.random();

        assertThat(codes.markRedeemed(code.codeHash(), T0.plusSeconds(5), first)).isTrue();
        assertThat(codes.markRedeemed(code.codeHash(), T0.plusSeconds(6), ChainId.random())).isFalse();
        assertThat(codes.markRedeemed(randomHash(), T0.plusSeconds(6), ChainId.random())).isFalse();

        AuthorizationCode stored = codes.findByHash(code.codeHash()).orElseThrow();
        assertThat(stored.redeemedAt()).contains(T0.plusSeconds(5));
        assertThat(stored.producedChain()).contains(first);
    }

    @Test
    void of_two_concurrent_redemptions_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                AuthorizationCode code = code(client.id(), user, T0);
                codes.add(code);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return codes.markRedeemed(code.codeHash(), T0.plusSeconds(1), ChainId.random());
                    }));
                }
                start.countDown();
                int wins = 0;
                for (Future<Boolean> attempt : attempts) {
                    wins += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(wins).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purge_deletes_codes_that_expired_before_the_cutoff_in_batches() {
        AuthorizationCode old1 = code(client.id(), user, T0);
        AuthorizationCode old2 = code(client.id(), user, T0.plusSeconds(1));
        AuthorizationCode old3 = code(client.id(), user, T0.plusSeconds(2));
        AuthorizationCode fresh = code(client.id(), user, T0.plusSeconds(3600));
        List.of(old1, old2, old3, fresh).forEach(codes::add);
        codes.markRedeemed(old1.codeHash(), T0.plusSeconds(1), ChainId.random());
        Instant cutoff = T0.plusSeconds(600);

        assertThat(codes.purgeExpiredBefore(cutoff, 2)).isEqualTo(2);
        assertThat(codes.purgeExpiredBefore(cutoff, 2)).isEqualTo(1);
        assertThat(codes.purgeExpiredBefore(cutoff, 2)).isZero();

        assertThat(List.of(old1, old2, old3).stream().map(c -> codes.findByHash(c.codeHash())))
                .allMatch(Optional::isEmpty);
        assertThat(codes.findByHash(fresh.codeHash())).contains(fresh);
    }
}
