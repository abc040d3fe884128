package dev.faultline.application.access.port.out;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.chain;
import static dev.faultline.application.access.testing.AccessFixtures.publicClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChainChanges} adapter must do for changes made through its own storage's {@link TokenChains}:
 * deliver them before the call returns, or once the surrounding unit of work ends and not before. (Changes made
 * elsewhere arrive asynchronously; each adapter tests those against its own store.)
 */
public abstract class ChainChangesContract {
    /** Generous: only a broken feed ever waits this long. */
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    protected TokenChains chains;
    protected Client client;
    protected UserId user;
    protected final Recorder heard = new Recorder();

    protected void resetStorage() {
    }

    protected abstract TokenChains chains();

    /** The feed of the same storage as {@link #chains()}, listening. */
    protected abstract ChainChanges changes();

    protected abstract Clients clients();

    protected abstract UserId existingUser();

    protected abstract Transactions transactions();

    @BeforeEach
    void subscribed() throws InterruptedException {
        resetStorage();
        chains = chains();
        client = publicClient(T0);
        clients().add(client);
        user = existingUser();
        changes().subscribe(heard);
        assertThat(heard.connected.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("connected").isTrue();
    }

    @Test
    void a_revocation_is_delivered_before_revoke_returns() {
        TokenChain chain = added();

        chains.revoke(chain.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(1));

        assertThat(heard.changed).contains(chain.id());
    }

    @Test
    void revoking_all_of_a_persons_chains_delivers_each_of_them() {
        TokenChain first = added();
        TokenChain second = added();
        TokenChain third = added();

        assertThat(chains.revokeAllFor(user, client.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(1)))
                .isEqualTo(3);
        assertThat(heard.changed).contains(first.id(), second.id(), third.id());

        TokenChain fourth = added();
        assertThat(chains.revokeAllFor(user, RevocationReason.USER_REVOKED, T0.plusSeconds(2))).isEqualTo(1);
        assertThat(heard.changed).contains(fourth.id());
    }

    @Test
    void a_purge_delivers_each_deleted_chain() {
        TokenChain ended = added();
        chains.revoke(ended.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(1));
        heard.changed.clear();

        assertThat(chains.purgeEndedBefore(T0.plusSeconds(2), T0.plusSeconds(2), 10)).isEqualTo(1);

        assertThat(heard.changed).contains(ended.id());
    }

    @Test
    void inside_a_unit_of_work_a_change_is_delivered_when_it_ends_and_not_before() {
        TokenChain chain = added();
        List<ChainId> heardInside = transactions().inTransaction(() -> {
            chains.revoke(chain.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(1));
            return List.copyOf(heard.changed);
        });

        assertThat(heardInside).doesNotContain(chain.id());
        assertThat(heard.changed).contains(chain.id());
    }

    protected TokenChain added() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        return chain;
    }

    /** What a subscriber heard. */
    public static final class Recorder implements ChainChanges.Listener {
        public final CountDownLatch connected = new CountDownLatch(1);
        public final Queue<ChainId> changed = new ConcurrentLinkedQueue<>();

        @Override
        public void connected() {
            connected.countDown();
        }

        @Override
        public void disconnected() {
        }

        @Override
        public void changed(ChainId chain) {
            changed.add(chain);
        }

        @Override
        public void everythingChanged() {
        }
    }
}
