package dev.faultline.adapters.inmemory.access;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Clients in a map; every method holds the {@link TableLock}, so each is atomic. */
public final class InMemoryClients implements Clients {
    private final Map<ClientId, Client> byId = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId));

    @Override
    public void add(Client client) {
        table.write(() -> {
            if (byId.putIfAbsent(client.id(), client) != null) {
                throw new IllegalStateException("client id already taken");
            }
        });
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public void remember(Client client) {
        table.write(() -> {
            Client stored = byId.get(client.id());
            byId.put(client.id(), stored == null || stored.firstAuthorizedAt().isEmpty()
                    ? client
                    : client.authorizedAt(stored.firstAuthorizedAt().get()));
        });
    }

    @Override
    public void markAuthorized(ClientId id, Instant at) {
        table.write(() -> {
            byId.computeIfPresent(id, (key, client) -> client.authorizedAt(at));
        });
    }

    @Override
    public int purgeAbandoned(Instant registeredBefore, int limit) {
        return table.write(() -> {
            List<ClientId> doomed = byId.values().stream()
                    .filter(c -> c.firstAuthorizedAt().isEmpty() && c.registeredAt().isBefore(registeredBefore))
                    .sorted(Comparator.comparing(Client::registeredAt))
                    .limit(limit)
                    .map(Client::id)
                    .toList();
            doomed.forEach(byId::remove);
            return doomed.size();
        });
    }
}
