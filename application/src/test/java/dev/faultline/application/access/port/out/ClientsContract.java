package dev.faultline.application.access.port.out;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.confidentialClient;
import static dev.faultline.application.access.testing.AccessFixtures.newClientId;
import static dev.faultline.application.access.testing.AccessFixtures.publicClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.domain.access.Client;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Clients} adapter must do. */
public abstract class ClientsContract {
    protected Clients clients;

    /** Called first before each test: a store that keeps data (a database) empties itself here. */
    protected void resetStorage() {
    }

    protected abstract Clients clients();

    @BeforeEach
    void freshStore() {
        resetStorage();
        clients = clients();
    }

    @Test
    void stores_and_finds_public_and_confidential_clients_with_every_field() {
        Client open = publicClient(T0);
        Client confidential = confidentialClient(T0.plusSeconds(1));
        clients.add(open);
        clients.add(confidential);

        assertThat(clients.findById(open.id())).contains(open);
        assertThat(clients.findById(confidential.id())).contains(confidential);
        assertThat(clients.findById(newClientId())).isEmpty();
    }

    @Test
    void a_taken_client_id_is_refused_and_the_stored_client_is_unchanged() {
        Client original = publicClient(T0);
        clients.add(original);
        Client impostor = new Client(original.id(), "Impostor", original.redirectUris(), original.grantTypes(),
                original.authMethod(), original.secretHash(), original.scopeCeiling(), original.clientUri(),
                original.logoUri(), original.applicationType(), T0.plusSeconds(5), original.firstAuthorizedAt());

        assertThatThrownBy(() -> clients.add(impostor)).isInstanceOf(IllegalStateException.class);
        assertThat(clients.findById(original.id())).contains(original);
    }

    static Client documentClient(String name, String redirect, java.time.Instant at) {
        dev.faultline.domain.access.ClientId url = new dev.faultline.domain.access.ClientId(
                "https://claude.ai/oauth/" + "x".repeat(1900) + "/claude-code-client-metadata");
        dev.faultline.domain.access.ClientMetadata metadata = new dev.faultline.domain.access.ClientMetadata(name,
                java.util.List.of(dev.faultline.domain.access.RedirectUri.parse(redirect)),
                java.util.Set.of(dev.faultline.domain.access.GrantType.AUTHORIZATION_CODE),
                dev.faultline.domain.access.ClientAuthMethod.NONE, dev.faultline.domain.access.Scopes.READ_WRITE,
                java.util.Optional.empty(), java.util.Optional.empty(), dev.faultline.domain.access.ApplicationType.NATIVE);
        return Client.fromMetadataDocument(url, metadata, at);
    }

    @Test
    void a_document_client_with_a_long_url_is_remembered_and_its_metadata_replaced_keeping_first_authorization() {
        Client first = documentClient("Claude Code", "http://localhost/callback", T0);
        clients.remember(first);
        assertThat(clients.findById(first.id())).contains(first);
        clients.markAuthorized(first.id(), T0.plusSeconds(5));

        Client renamed = documentClient("Claude Code 2", "http://127.0.0.1/callback", T0.plusSeconds(60));
        clients.remember(renamed);

        Client stored = clients.findById(first.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Claude Code 2");
        assertThat(stored.redirectUris()).isEqualTo(renamed.redirectUris());
        assertThat(stored.registeredAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(stored.firstAuthorizedAt()).contains(T0.plusSeconds(5));
    }

    @Test
    void the_first_authorization_time_is_kept() {
        Client client = publicClient(T0);
        clients.add(client);

        clients.markAuthorized(client.id(), T0.plusSeconds(10));
        clients.markAuthorized(client.id(), T0.plusSeconds(20));
        clients.markAuthorized(newClientId(), T0.plusSeconds(20)); // unknown: nothing happens

        assertThat(clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void purge_deletes_only_never_authorized_clients_registered_before_the_cutoff() {
        Instant cutoff = T0.plus(Duration.ofHours(24));
        Client abandoned = publicClient(T0);
        Client authorized = publicClient(T0);
        Client recent = publicClient(cutoff.plusSeconds(1));
        Client atCutoff = publicClient(cutoff);
        clients.add(abandoned);
        clients.add(authorized);
        clients.add(recent);
        clients.add(atCutoff);
        clients.markAuthorized(authorized.id(), T0.plusSeconds(1));

        assertThat(clients.purgeAbandoned(cutoff, 100)).isEqualTo(1);
        assertThat(clients.purgeAbandoned(cutoff, 100)).isZero();

        assertThat(clients.findById(abandoned.id())).isEmpty();
        assertThat(clients.findById(authorized.id())).isPresent();
        assertThat(clients.findById(recent.id())).isPresent();
        assertThat(clients.findById(atCutoff.id())).isPresent();
    }

    @Test
    void purge_works_in_batches_of_at_most_the_limit() {
        for (int i = 0; i < 5; i++) {
            clients.add(publicClient(T0.plusSeconds(i)));
        }
        Instant cutoff = T0.plus(Duration.ofDays(2));

        assertThat(clients.purgeAbandoned(cutoff, 2)).isEqualTo(2);
        assertThat(clients.purgeAbandoned(cutoff, 2)).isEqualTo(2);
        assertThat(clients.purgeAbandoned(cutoff, 2)).isEqualTo(1);
        assertThat(clients.purgeAbandoned(cutoff, 2)).isZero();
    }
}
