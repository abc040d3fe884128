package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clients in a map; every method holds this object's lock, so each is atomic. */
public final class InMemoryClients implements Clients {
    private final Map<ClientId, Client> byId = new HashMap<>();

    @Override
    public synchronized void add(Client client) {
        if (byId.putIfAbsent(client.id(), client) != null) {
            throw new IllegalStateException("client id already taken");
        }
    }

    @Override
    public synchronized Optional<Client> findById(ClientId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized void remember(Client client) {
        Client stored = byId.get(client.id());
        byId.put(client.id(), stored == null || stored.firstAuthorizedAt().isEmpty()
                ? client
                : client.authorizedAt(stored.firstAuthorizedAt().get()));
    }

    @Override
    public synchronized void markAuthorized(ClientId id, Instant at) {
        byId.computeIfPresent(id, (key, client) -> client.authorizedAt(at));
    }

    @Override
    public synchronized int purgeAbandoned(Instant registeredBefore, int limit) {
        List<ClientId> doomed = byId.values().stream()
                .filter(c -> c.firstAuthorizedAt().isEmpty() && c.registeredAt().isBefore(registeredBefore))
                .sorted(Comparator.comparing(Client::registeredAt))
                .limit(limit)
                .map(Client::id)
                .toList();
        doomed.forEach(byId::remove);
        return doomed.size();
    }
}
