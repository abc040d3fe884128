package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ListIntegrations;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public class ListIntegrationsService implements ListIntegrations {
    private final Clients clients;
    private final TokenChains chains;
    private final Clock clock;

    public ListIntegrationsService(Clients clients, TokenChains chains, Clock clock) {
        this.clients = Objects.requireNonNull(clients);
        this.chains = Objects.requireNonNull(chains);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public List<Integration> listFor(UserId user) {
        Map<ClientId, List<TokenChain>> byClient = new LinkedHashMap<>();
        for (TokenChain chain : chains.listActiveFor(user, clock.instant())) {
            byClient.computeIfAbsent(chain.clientId(), id -> new ArrayList<>()).add(chain);
        }
        List<Integration> rows = new ArrayList<>();
        byClient.forEach((clientId, clientChains) -> clients.findById(clientId)
                .ifPresent(client -> rows.add(row(client, clientChains))));
        rows.sort(Comparator.comparing(Integration::lastApprovedAt).reversed());
        return rows;
    }

    private static Integration row(Client client, List<TokenChain> clientChains) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        clientChains.forEach(chain -> scopes.addAll(chain.scopes().values()));
        Instant lastApproved = clientChains.stream().map(TokenChain::lastApprovedAt).max(Comparator.naturalOrder())
                .orElseThrow();
        Optional<Instant> lastUsed = clientChains.stream().flatMap(chain -> chain.lastUsedAt().stream())
                .max(Comparator.naturalOrder());
        Instant endsAt = clientChains.stream().map(TokenChain::grantEndsAt).max(Comparator.naturalOrder())
                .orElseThrow();
        return new Integration(client.id(), client.name(), client.isSelfRegistered(), client.redirectHost(),
                new Scopes(scopes), lastApproved, lastUsed, clientChains.size(), endsAt, client.verifiedOrigin());
    }
}
