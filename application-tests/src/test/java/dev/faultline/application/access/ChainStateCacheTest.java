package dev.faultline.application.access;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryTokenChains;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ChainState;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChainStateCacheTest {
    private final InMemoryTokenChains store = new InMemoryTokenChains();
    private final AtomicInteger loads = new AtomicInteger();
    /** Runs during a load, between reading the store and handing the state to the cache. */
    private Consumer<ChainId> duringLoad = id -> { };
    private final TokenChains counting = counting(store);
    private final UserId alice = UserId.random();
    private final ClientId client = new ClientId("client-1");

    @Test
    void a_chain_is_read_once_then_served_from_memory_while_connected() {
        TokenChain chain = added();
        ChainStateCache cache = connected(10);

        assertThat(cache.find(chain.id())).contains(chain.state());
        assertThat(cache.find(chain.id())).contains(chain.state());
        assertThat(loads).hasValue(1);
        assertThat(cache.holds(chain.id())).isTrue();
    }

    @Test
    void a_change_forgets_the_chain_so_a_revocation_through_the_store_is_seen_at_once() {
        TokenChain chain = added();
        ChainStateCache cache = ChainStateCache.listeningTo(store.changes(), counting, 10);
        cache.find(chain.id());

        store.revoke(chain.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(1));

        assertThat(cache.holds(chain.id())).isFalse();
        assertThat(cache.find(chain.id()).map(ChainState::isRevoked)).contains(true);
        assertThat(cache.appliedChanges()).isEqualTo(1);
    }

    @Test
    void a_change_inside_a_unit_of_work_is_delivered_when_the_unit_ends() {
        TokenChain chain = added();
        ChainStateCache cache = ChainStateCache.listeningTo(store.changes(), counting, 10);
        cache.find(chain.id());
        InMemoryTransactions transactions = new InMemoryTransactions();

        transactions.run(() -> {
            store.revoke(chain.id(), RevocationReason.USER_REVOKED, T0.plusSeconds(1));
            assertThat(cache.appliedChanges()).as("not before the unit of work ends").isZero();
        });

        assertThat(cache.appliedChanges()).isEqualTo(1);
        assertThat(cache.find(chain.id()).map(ChainState::isRevoked)).contains(true);
    }

    @Test
    void until_connected_and_after_a_disconnect_every_lookup_reads_the_store_and_nothing_is_kept() {
        TokenChain chain = added();
        ChainStateCache cache = new ChainStateCache(counting, 10);

        cache.find(chain.id());
        cache.find(chain.id());
        assertThat(loads).as("before the first connect").hasValue(2);
        assertThat(cache.size()).isZero();

        cache.connected();
        cache.find(chain.id());
        assertThat(cache.holds(chain.id())).isTrue();
        cache.disconnected();
        assertThat(cache.size()).as("dropped on disconnect").isZero();
        cache.find(chain.id());
        cache.find(chain.id());
        assertThat(loads).hasValue(5);
        assertThat(cache.size()).isZero();
        assertThat(cache.isLive()).isFalse();
    }

    @Test
    void a_reconnect_starts_from_an_empty_cache() {
        TokenChain chain = added();
        ChainStateCache cache = connected(10);
        cache.find(chain.id());

        cache.connected();

        assertThat(cache.size()).isZero();
        assertThat(cache.connects()).isEqualTo(2);
        cache.find(chain.id());
        assertThat(loads).hasValue(2);
    }

    @Test
    void everything_changed_forgets_every_chain() {
        ChainStateCache cache = connected(10);
        cache.find(added().id());
        cache.find(added().id());

        cache.everythingChanged();

        assertThat(cache.size()).isZero();
    }

    @Test
    void at_capacity_the_least_recently_used_chain_goes_first() {
        TokenChain first = added();
        TokenChain second = added();
        TokenChain third = added();
        ChainStateCache cache = connected(2);
        cache.find(first.id());
        cache.find(second.id());
        cache.find(first.id());

        cache.find(third.id());

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.holds(first.id())).isTrue();
        assertThat(cache.holds(second.id())).as("least recently used").isFalse();
        assertThat(cache.holds(third.id())).isTrue();
    }

    @Test
    void capacity_zero_keeps_nothing_and_a_negative_capacity_is_refused() {
        TokenChain chain = added();
        ChainStateCache cache = connected(0);

        cache.find(chain.id());
        cache.find(chain.id());

        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
        assertThat(cache.isLive()).isFalse();
        assertThatThrownBy(() -> new ChainStateCache(counting, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not -1");
    }

    @Test
    void a_change_arriving_while_a_load_is_in_flight_does_not_let_the_stale_load_stay() {
        TokenChain chain = added();
        ChainStateCache cache = connected(10);
        duringLoad = id -> cache.changed(id); // the state just read is already outdated

        Optional<ChainState> read = cache.find(chain.id());

        assertThat(read).isPresent();
        assertThat(cache.holds(chain.id())).isFalse();
    }

    @Test
    void a_change_to_another_chain_in_another_stripe_does_not_stop_caching() {
        TokenChain chain = added();
        TokenChain other = otherStripeThan(chain);
        ChainStateCache cache = connected(10);
        duringLoad = id -> cache.changed(other.id());

        cache.find(chain.id());

        assertThat(cache.holds(chain.id())).isTrue();
    }

    @Test
    void a_disconnect_while_a_load_is_in_flight_does_not_let_the_load_stay() {
        TokenChain chain = added();
        ChainStateCache cache = connected(10);
        duringLoad = id -> cache.disconnected();

        cache.find(chain.id());

        assertThat(cache.size()).isZero();
    }

    @Test
    void a_recorded_use_updates_the_kept_state_only_if_it_is_still_the_one_kept() {
        TokenChain chain = added();
        ChainStateCache cache = connected(10);
        ChainState state = cache.find(chain.id()).orElseThrow();

        cache.usedAt(state, T0.plusSeconds(60));
        assertThat(cache.find(chain.id()).flatMap(ChainState::lastUsedAt)).contains(T0.plusSeconds(60));

        cache.changed(chain.id());
        cache.usedAt(state, T0.plusSeconds(120));
        assertThat(cache.holds(chain.id())).as("a forgotten chain is not brought back").isFalse();
    }

    private ChainStateCache connected(int capacity) {
        ChainStateCache cache = new ChainStateCache(counting, capacity);
        cache.connected();
        return cache;
    }

    private TokenChain added() {
        TokenChain chain = chain(client, alice, T0);
        store.add(chain);
        return chain;
    }

    private TokenChain otherStripeThan(TokenChain chain) {
        while (true) {
            TokenChain other = added();
            if ((other.id().hashCode() & 0x7fffffff) % ChainStateCache.STRIPES
                    != (chain.id().hashCode() & 0x7fffffff) % ChainStateCache.STRIPES) {
                return other;
            }
        }
    }

    /** The store, counting loads and running {@link #duringLoad} after each one. */
    private TokenChains counting(TokenChains target) {
        return (TokenChains) Proxy.newProxyInstance(TokenChains.class.getClassLoader(),
                new Class<?>[] {TokenChains.class}, (proxy, method, args) -> {
                    Object result = method.invoke(target, args);
                    if (method.getName().equals("findById")) {
                        loads.incrementAndGet();
                        duringLoad.accept((ChainId) args[0]);
                    }
                    return result;
                });
    }

}
