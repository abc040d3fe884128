package dev.faultline.application.access;

import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Clients} that keeps registered clients in memory once they have been authorized: from then on nothing
 * Faultline does changes or deletes such a client (registration writes a client once, the abandoned-client purge
 * takes only clients never authorized, first-authorized-at is set once), so a kept copy is the stored one on every
 * instance and the token endpoint's client look-up costs no statement. Clients identified by a metadata document
 * URL are never kept (their metadata is replaced whenever the document is resolved again), nor clients not yet
 * authorized. At most {@code capacity} clients are kept; the least recently used one goes first.
 */
public final class AuthorizedClientCache implements Clients {
    private final Clients store;
    private final int capacity;
    private final Map<ClientId, Client> entries;

    /** @param capacity how many clients to keep at most; 0 keeps none (every look-up reads the store) */
    public AuthorizedClientCache(Clients store, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the capacity of the client cache must be 0 or more, not " + capacity);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ClientId, Client> eldest) {
                return size() > AuthorizedClientCache.this.capacity;
            }
        };
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Client kept = get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Client> stored = store.findById(id);
        stored.filter(AuthorizedClientCache::unchangeable).ifPresent(this::put);
        return stored;
    }

    @Override
    public void add(Client client) {
        store.add(client);
    }

    @Override
    public void remember(Client client) {
        forget(client.id());
        store.remember(client);
    }

    @Override
    public void markAuthorized(ClientId id, Instant at) {
        forget(id);
        store.markAuthorized(id, at);
    }

    @Override
    public int purgeAbandoned(Instant registeredBefore, int limit) {
        return store.purgeAbandoned(registeredBefore, limit);
    }

    /** Whether {@code id} is kept in memory now (for tests). */
    boolean holds(ClientId id) {
        synchronized (entries) {
            return entries.containsKey(id);
        }
    }

    private static boolean unchangeable(Client client) {
        return !client.id().isMetadataDocumentUrl() && client.firstAuthorizedAt().isPresent();
    }

    private Client get(ClientId id) {
        if (capacity == 0) {
            return null;
        }
        synchronized (entries) {
            return entries.get(id);
        }
    }

    private void put(Client client) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(client.id(), client);
        }
    }

    private void forget(ClientId id) {
        synchronized (entries) {
            entries.remove(id);
        }
    }
}
