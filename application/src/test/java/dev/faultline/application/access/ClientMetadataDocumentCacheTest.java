package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.out.ClientMetadataDocuments;
import dev.faultline.application.access.port.out.ClientMetadataDocuments.Fetch;
import dev.faultline.application.access.port.out.ClientMetadataDocuments.Freshness;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ClientIdMetadataDocument;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMetadataDocumentCacheTest {
    static final ClientId URL = new ClientId("https://vscode.dev/oauth/client-metadata.json");
    static final ClientMetadataCachePolicy POLICY =
            new ClientMetadataCachePolicy(Duration.ofMinutes(5), Duration.ofHours(24), 2);
    static final ClientMetadataFetchLimit LIMIT = ClientMetadataFetchLimit.DEFAULT;

    final MutableClock clock = MutableClock.startingAt("2026-12-01T10:00:00Z");

    static ClientIdMetadataDocument document(ClientId url, String name) {
        return new ClientIdMetadataDocument(url.value(), new ClientRegistrationRequest(name,
                List.of("http://127.0.0.1:33418", "https://vscode.dev/redirect"), null, null, "none", null, null, null,
                null), false, false, Set.of());
    }

    /** Answers from a script, counting fetches. */
    static final class ScriptedDocuments implements ClientMetadataDocuments {
        final Deque<Fetch> script = new ArrayDeque<>();
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public Fetch fetch(ClientId url) {
            fetches.incrementAndGet();
            return script.isEmpty() ? new Fetch.Fetched(document(url, "VS Code"), Freshness.UNSPECIFIED)
                    : script.removeFirst();
        }
    }

    static Freshness maxAge(long seconds) {
        return new Freshness(Optional.of(Duration.ofSeconds(seconds)), false);
    }

    @ParameterizedTest(name = "max-age={0} no-store={1} -> cached for {2}s")
    @CsvSource({
            ",      false, 300",     // no header: the minimum
            "0,     false, 300",     // below the minimum: clamped up
            "299,   false, 300",
            "3600,  false, 3600",    // inside the bounds: as asked
            "86400, false, 86400",
            "999999,false, 86400",   // above the maximum: clamped down
            "3600,  true,  300",     // no-store: the minimum
            ",      true,  300"})
    void the_lifetime_is_max_age_clamped_and_no_store_means_the_minimum(Long maxAge, boolean noStore,
            long expectedSeconds) {
        ScriptedDocuments documents = new ScriptedDocuments();
        documents.script.add(new Fetch.Fetched(document(URL, "VS Code"),
                new Freshness(Optional.ofNullable(maxAge).map(Duration::ofSeconds), noStore)));
        ClientMetadataDocumentCache cache = new ClientMetadataDocumentCache(documents, POLICY, LIMIT, clock);

        assertThat(cache.resolve(URL)).isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        clock.advance(Duration.ofSeconds(expectedSeconds - 1));
        cache.resolve(URL);
        assertThat(documents.fetches).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        cache.resolve(URL);
        assertThat(documents.fetches).hasValue(2);
    }

    @Test
    void an_address_gets_its_limit_of_fetches_cache_hits_free_then_none_until_the_oldest_leaves_the_window() {
        ScriptedDocuments documents = new ScriptedDocuments();
        ClientMetadataDocumentCache cache = new ClientMetadataDocumentCache(documents,
                new ClientMetadataCachePolicy(Duration.ofMinutes(5), Duration.ofHours(24), 10),
                new ClientMetadataFetchLimit(2, Duration.ofMinutes(10)), clock);
        RemoteAddress alice = new RemoteAddress("192.0.2.1");
        ClientId other = new ClientId("https://other.example/client.json");
        ClientId third = new ClientId("https://third.example/client.json");

        assertThat(cache.resolve(URL, alice)).isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        assertThat(cache.resolve(URL, alice)).isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.resolve(other, alice)).isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        assertThat(cache.resolve(third, alice)).isEqualTo(new ClientMetadataDocumentCache.Resolution.TooManyFetches(
                new ClientMetadataFetchLimit(2, Duration.ofMinutes(10)), Duration.ofMinutes(6)));
        assertThat(documents.fetches).hasValue(2);

        assertThat(cache.resolve(third, new RemoteAddress("192.0.2.2")))
                .isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        clock.advance(Duration.ofMinutes(6));
        assertThat(cache.resolve(new ClientId("https://fourth.example/client.json"), alice))
                .isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        assertThat(documents.fetches).hasValue(4);
    }

    @Test
    void a_failed_fetch_is_never_cached() {
        ScriptedDocuments documents = new ScriptedDocuments();
        documents.script.add(new Fetch.Failed("the host answered 503"));
        ClientMetadataDocumentCache cache = new ClientMetadataDocumentCache(documents, POLICY, LIMIT, clock);

        assertThat(cache.resolve(URL)).isEqualTo(
                new ClientMetadataDocumentCache.Resolution.Unusable("the host answered 503"));
        assertThat(cache.resolve(URL)).isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        assertThat(documents.fetches).hasValue(2);
    }

    @Test
    void an_invalid_document_is_never_cached() {
        ScriptedDocuments documents = new ScriptedDocuments();
        documents.script.add(new Fetch.Fetched(
                document(new ClientId("https://evil.example/client.json"), "X"), maxAge(3600)));
        ClientMetadataDocumentCache cache = new ClientMetadataDocumentCache(documents, POLICY, LIMIT, clock);

        ClientMetadataDocumentCache.Resolution first = cache.resolve(URL);
        assertThat(first).isInstanceOf(ClientMetadataDocumentCache.Resolution.Unusable.class);
        assertThat(((ClientMetadataDocumentCache.Resolution.Unusable) first).reason()).contains("client_id");
        assertThat(cache.resolve(URL)).isInstanceOf(ClientMetadataDocumentCache.Resolution.Resolved.class);
        assertThat(documents.fetches).hasValue(2);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void the_number_of_entries_is_bounded_dropping_the_one_that_expires_first() {
        ScriptedDocuments documents = new ScriptedDocuments();
        ClientId a = new ClientId("https://a.example/c");
        ClientId b = new ClientId("https://b.example/c");
        ClientId c = new ClientId("https://c.example/c");
        documents.script.add(new Fetch.Fetched(document(a, "A"), maxAge(7200)));
        documents.script.add(new Fetch.Fetched(document(b, "B"), maxAge(600)));
        documents.script.add(new Fetch.Fetched(document(c, "C"), maxAge(3600)));
        ClientMetadataDocumentCache cache = new ClientMetadataDocumentCache(documents, POLICY, LIMIT, clock);

        cache.resolve(a);
        cache.resolve(b);
        cache.resolve(c);
        assertThat(cache.size()).isEqualTo(2);
        cache.resolve(a);
        cache.resolve(c);
        assertThat(documents.fetches).hasValue(3);
        documents.script.add(new Fetch.Fetched(document(b, "B"), maxAge(600)));
        cache.resolve(b);
        assertThat(documents.fetches).hasValue(4);
    }

    @Test
    void concurrent_resolutions_of_one_url_share_a_single_fetch() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        ClientMetadataDocuments slow = url -> {
            fetches.incrementAndGet();
            fetching.countDown();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Fetch.Fetched(document(url, "VS Code"), maxAge(3600));
        };
        ClientMetadataDocumentCache cache = new ClientMetadataDocumentCache(slow, POLICY, LIMIT, clock);
        AtomicReference<ClientMetadataDocumentCache.Resolution> firstResult = new AtomicReference<>();
        AtomicReference<ClientMetadataDocumentCache.Resolution> secondResult = new AtomicReference<>();

        Thread first = new Thread(() -> firstResult.set(cache.resolve(URL)));
        first.start();
        assertThat(fetching.await(30, TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> secondResult.set(cache.resolve(URL)));
        second.start();
        // The second caller is parked either on the shared fetch (single flight) or inside a fetch of its own
        // (no single flight); both are WAITING states, so this only bounds the wait, never decides the outcome.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (second.getState() != Thread.State.WAITING && second.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("second caller parked").isLessThan(deadline);
            Thread.onSpinWait();
        }
        release.countDown();
        first.join(30_000);
        second.join(30_000);

        assertThat(fetches).hasValue(1);
        assertThat(firstResult.get()).isEqualTo(secondResult.get());
    }
}
