package dev.faultline.application.access;

import dev.faultline.application.access.port.out.ClientMetadataDocuments;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ClientMetadata;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves a client ID URL to validated client metadata. Only valid documents are cached (a failed fetch or an
 * invalid document never is), for {@link ClientMetadataCachePolicy#lifetime}; at most one fetch per URL is in
 * flight (others wait for its result); when full, the entry that expires first is dropped. This cache is per
 * node and only a performance aid: each node fetches on its own, and nothing correctness-relevant lives here.
 * A fetch asked for on behalf of a client address counts against that address's {@link ClientMetadataFetchLimit};
 * a cache hit or waiting for another's fetch does not.
 */
public final class ClientMetadataDocumentCache {
    private final ClientMetadataDocuments documents;
    private final ClientMetadataCachePolicy policy;
    private final ClientMetadataFetchLimit fetchLimit;
    private final SlidingWindowRateLimiter fetchesPerAddress;
    private final Clock clock;
    private final Map<ClientId, Entry> entries = new LinkedHashMap<>();
    private final ConcurrentHashMap<ClientId, CompletableFuture<Resolution>> inFlight = new ConcurrentHashMap<>();

    public ClientMetadataDocumentCache(ClientMetadataDocuments documents, ClientMetadataCachePolicy policy,
            ClientMetadataFetchLimit fetchLimit, Clock clock) {
        this.documents = Objects.requireNonNull(documents);
        this.policy = Objects.requireNonNull(policy);
        this.fetchLimit = Objects.requireNonNull(fetchLimit);
        this.fetchesPerAddress = new SlidingWindowRateLimiter(fetchLimit.maxFetches(), fetchLimit.window(), clock);
        this.clock = Objects.requireNonNull(clock);
    }

    public sealed interface Resolution {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Resolved, R> resolved, Function<Unusable, R> unusable,
                Function<TooManyFetches, R> tooManyFetches);

        record Resolved(ClientMetadata metadata) implements Resolution {
            @Override
            public <R> R fold(
                    Function<Resolved, R> resolved, Function<Unusable, R> unusable,
                    Function<TooManyFetches, R> tooManyFetches) {
                return resolved.apply(this);
            }
        }

        /** The document could not be fetched or is not valid; {@code reason} says why. */
        record Unusable(String reason) implements Resolution {
            @Override
            public <R> R fold(
                    Function<Resolved, R> resolved, Function<Unusable, R> unusable,
                    Function<TooManyFetches, R> tooManyFetches) {
                return unusable.apply(this);
            }
        }

        /**
         * Not fetched: the requesting address used up its {@link ClientMetadataFetchLimit}; {@code retryAfter} is
         * when it may fetch again.
         */
        record TooManyFetches(ClientMetadataFetchLimit limit, Duration retryAfter) implements Resolution {
            @Override
            public <R> R fold(
                    Function<Resolved, R> resolved, Function<Unusable, R> unusable,
                    Function<TooManyFetches, R> tooManyFetches) {
                return tooManyFetches.apply(this);
            }
        }
    }

    private record Entry(ClientMetadata metadata, Instant expiresAt) {
    }

    /**
     * For a request from {@code requester}: a fetch this needs counts against that address, and none is made
     * beyond its limit ({@link Resolution.TooManyFetches}).
     */
    public Resolution resolve(ClientId url, RemoteAddress requester) {
        Objects.requireNonNull(requester, "requester");
        return resolve(url, Optional.of(requester));
    }

    /**
     * Not counted against any address: for the token, revocation and consent steps of a client that went through
     * {@code /authorize}, whose document is normally cached by then.
     */
    public Resolution resolve(ClientId url) {
        return resolve(url, Optional.empty());
    }

    private Resolution resolve(ClientId url, Optional<RemoteAddress> requester) {
        if (!url.isMetadataDocumentUrl()) {
            throw new IllegalArgumentException("not a client ID URL: " + url);
        }
        ClientMetadata cached = cached(url);
        if (cached != null) {
            return new Resolution.Resolved(cached);
        }
        CompletableFuture<Resolution> fetching = inFlight.get(url);
        if (fetching != null) {
            return fetching.join();
        }
        Optional<Resolution> limited = requester.flatMap(address -> fetchesPerAddress.tryAcquire(address.value())
                .fold(allowed -> Optional.empty(),
                        refused -> Optional.of(new Resolution.TooManyFetches(fetchLimit, refused.retryAfter()))));
        if (limited.isPresent()) {
            return limited.get();
        }
        CompletableFuture<Resolution> mine = new CompletableFuture<>();
        CompletableFuture<Resolution> running = inFlight.putIfAbsent(url, mine);
        if (running != null) {
            return running.join();
        }
        try {
            Resolution resolution = fetchAndValidate(url);
            mine.complete(resolution);
            return resolution;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(url, mine);
        }
    }

    private Resolution fetchAndValidate(ClientId url) {
        return documents.fetch(url).fold(
                fetched -> fetched.document().validate(url).fold(
                        valid -> remember(url, valid.metadata(), fetched.freshness()),
                        invalid -> new Resolution.Unusable(invalid.reason())),
                failed -> new Resolution.Unusable(failed.reason()));
    }

    private Resolution remember(ClientId url, ClientMetadata metadata, ClientMetadataDocuments.Freshness freshness) {
        Instant expiresAt = clock.instant().plus(policy.lifetime(freshness.maxAge(), freshness.noStore()));
        store(url, new Entry(metadata, expiresAt));
        return new Resolution.Resolved(metadata);
    }

    private synchronized ClientMetadata cached(ClientId url) {
        Entry entry = entries.get(url);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(url);
            return null;
        }
        return entry.metadata();
    }

    private synchronized void store(ClientId url, Entry entry) {
        entries.remove(url);
        if (entries.size() >= policy.maxEntries()) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        }
        while (entries.size() >= policy.maxEntries()) {
            ClientId soonest = null;
            Instant soonestAt = null;
            for (Map.Entry<ClientId, Entry> e : entries.entrySet()) {
                if (soonestAt == null || e.getValue().expiresAt().isBefore(soonestAt)) {
                    soonest = e.getKey();
                    soonestAt = e.getValue().expiresAt();
                }
            }
            entries.remove(soonest);
        }
        entries.put(url, entry);
    }

    /** How many documents are cached now (for tests and metrics). */
    public synchronized int size() {
        return entries.size();
    }
}
