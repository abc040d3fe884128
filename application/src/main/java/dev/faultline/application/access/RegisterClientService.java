package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ClientMetadata;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public class RegisterClientService implements RegisterClient {
    private final Clients clients;
    private final SecretGenerator secrets;
    private final Clock clock;

    public RegisterClientService(Clients clients, SecretGenerator secrets, Clock clock) {
        this.clients = Objects.requireNonNull(clients);
        this.secrets = Objects.requireNonNull(secrets);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Outcome register(ClientRegistrationRequest request) {
        return request.validate().fold(
                accepted -> register(accepted.metadata()),
                refused -> new Outcome.Refused(refused.error(), refused.description()));
    }

    private Outcome register(ClientMetadata metadata) {
        Optional<String> secret = metadata.authMethod().isConfidential()
                ? Optional.of(secrets.generate(SecretKind.CLIENT_SECRET)) : Optional.empty();
        Client client = Client.register(newClientId(), metadata, secret.map(TokenHash::of), clock.instant());
        clients.add(client);
        return new Outcome.Registered(client, secret);
    }

    /** Client ids are public identifiers: a random UUID is unguessable enough and easy to read in logs. */
    private static ClientId newClientId() {
        return new ClientId(UUID.randomUUID().toString());
    }
}
