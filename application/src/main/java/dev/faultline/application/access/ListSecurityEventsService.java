package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ListSecurityEvents;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.Revocation;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public class ListSecurityEventsService implements ListSecurityEvents {
    private static final Set<RevocationReason> THEFT_SIGNALS = Arrays.stream(RevocationReason.values())
            .filter(RevocationReason::isTheftSignal)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RevocationReason.class)));

    private final Clients clients;
    private final TokenChains chains;

    public ListSecurityEventsService(Clients clients, TokenChains chains) {
        this.clients = Objects.requireNonNull(clients);
        this.chains = Objects.requireNonNull(chains);
    }

    @Override
    public List<SecurityEvent> listFor(UserId user) {
        return chains.listRevokedFor(user, THEFT_SIGNALS, LIMIT).stream().map(this::event).toList();
    }

    private SecurityEvent event(TokenChain chain) {
        Revocation revocation = chain.revocation().orElseThrow();
        Kind kind = revocation.reason() == RevocationReason.CODE_REPLAY ? Kind.AUTHORIZATION_CODE_REPLAYED
                : Kind.REFRESH_TOKEN_REUSED;
        Optional<Client> client = clients.findById(chain.clientId());
        return new SecurityEvent(revocation.at(), kind, chain.clientId(), client.map(Client::name),
                client.map(Client::isSelfRegistered).orElse(false));
    }
}
