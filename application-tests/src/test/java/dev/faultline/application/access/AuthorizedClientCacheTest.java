package dev.faultline.application.access;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.publicClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.inmemory.access.InMemoryClients;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthorizedClientCacheTest {
    private final InMemoryClients store = new InMemoryClients();
    private final AtomicInteger reads = new AtomicInteger();
    private final Clients counting = counting(store);

    @Test
    void an_authorized_client_is_read_once_then_served_from_memory() {
        Client client = stored(publicClient(T0).authorizedAt(T0.plusSeconds(5)));
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 10);

        assertThat(cache.findById(client.id())).contains(client);
        assertThat(cache.findById(client.id())).contains(client);
        assertThat(reads).hasValue(1);
        assertThat(cache.holds(client.id())).isTrue();
    }

    @Test
    void a_client_not_yet_authorized_is_read_every_time_until_it_is_authorized() {
        Client client = stored(publicClient(T0));
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 10);

        cache.findById(client.id());
        cache.findById(client.id());
        assertThat(reads).as("the abandoned-client purge may still delete it").hasValue(2);
        assertThat(cache.holds(client.id())).isFalse();

        cache.markAuthorized(client.id(), T0.plusSeconds(9));
        assertThat(cache.findById(client.id()).flatMap(Client::firstAuthorizedAt)).contains(T0.plusSeconds(9));
        cache.findById(client.id());
        assertThat(reads).hasValue(3);
    }

    @Test
    void an_unknown_client_is_not_remembered_as_missing() {
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 10);
        Client later = publicClient(T0).authorizedAt(T0);

        assertThat(cache.findById(later.id())).isEmpty();
        store.add(later);

        assertThat(cache.findById(later.id())).contains(later);
    }

    @Test
    void a_metadata_document_client_is_never_kept_and_its_new_metadata_shows_at_once() {
        ClientId url = new ClientId("https://agent.example/client.json");
        Client first = renamed(url, "Agent", T0);
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 10);
        cache.remember(first);
        cache.markAuthorized(url, T0.plusSeconds(1));

        assertThat(cache.findById(url).map(Client::name)).contains("Agent");
        cache.remember(renamed(url, "Agent 2", T0.plusSeconds(60)));

        assertThat(cache.findById(url).map(Client::name)).contains("Agent 2");
        assertThat(cache.holds(url)).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void at_most_capacity_clients_are_kept_the_least_recently_used_goes_first() {
        Client a = stored(publicClient(T0).authorizedAt(T0));
        Client b = stored(publicClient(T0).authorizedAt(T0));
        Client c = stored(publicClient(T0).authorizedAt(T0));
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 2);

        cache.findById(a.id());
        cache.findById(b.id());
        cache.findById(a.id());
        cache.findById(c.id());

        assertThat(cache.holds(a.id())).isTrue();
        assertThat(cache.holds(b.id())).isFalse();
        assertThat(cache.holds(c.id())).isTrue();
    }

    @Test
    void capacity_zero_reads_the_store_every_time_and_a_negative_one_is_refused() {
        Client client = stored(publicClient(T0).authorizedAt(T0));
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 0);

        cache.findById(client.id());
        cache.findById(client.id());

        assertThat(reads).hasValue(2);
        assertThat(cache.holds(client.id())).isFalse();
        assertThatThrownBy(() -> new AuthorizedClientCache(store, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 or more");
    }

    @Test
    void the_purge_goes_to_the_store_and_cannot_take_a_kept_client() {
        Client kept = stored(publicClient(T0).authorizedAt(T0));
        Client abandoned = stored(publicClient(T0));
        AuthorizedClientCache cache = new AuthorizedClientCache(counting, 10);
        cache.findById(kept.id());

        assertThat(cache.purgeAbandoned(T0.plusSeconds(1), 10)).isOne();

        assertThat(store.findById(abandoned.id())).isEmpty();
        assertThat(store.findById(kept.id())).contains(kept);
        assertThat(cache.findById(kept.id())).contains(kept);
    }

    private Client stored(Client client) {
        store.add(client);
        return client;
    }

    private static Client renamed(ClientId url, String name, java.time.Instant at) {
        Client template = publicClient(at);
        return new Client(url, name, template.redirectUris(), template.grantTypes(), template.authMethod(),
                Optional.empty(), template.scopeCeiling(), Optional.empty(), Optional.empty(),
                template.applicationType(), at, Optional.empty());
    }

    private Clients counting(Clients delegate) {
        return (Clients) Proxy.newProxyInstance(Clients.class.getClassLoader(), new Class<?>[] {Clients.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("findById")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
