package dev.faultline.adapters.postgres.access;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.publicClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.IndexUse;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.ClientsContract;
import dev.faultline.domain.access.Client;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresClientsTest extends ClientsContract {
    static final TestDatabase db = TestDatabases.fresh();

    @Override
    protected void resetStorage() {
        db.truncateAll();
    }

    @Override
    protected Clients clients() {
        return new PostgresClients(db.jdbi());
    }

    @Test
    void the_schema_refuses_a_public_client_with_a_secret_and_unknown_methods() {
        Client client = publicClient(T0);
        clients.add(client);
        assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                "UPDATE oauth_clients SET secret_hash = repeat('a', 64) WHERE id = ?", client.id().value())))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("oauth_clients_secret_iff_confidential");
        assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                "UPDATE oauth_clients SET grant_types = ARRAY['client_credentials'] WHERE id = ?",
                client.id().value()))).isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(clients.findById(client.id())).contains(client);
    }

    @Test
    void lookups_and_the_purge_use_indexes() {
        IndexUse.assertServedBy(db, "oauth_clients", "SELECT * FROM oauth_clients WHERE id = 'x'",
                "oauth_clients_pkey");
        IndexUse.assertServedBy(db, "oauth_clients", "SELECT id FROM oauth_clients WHERE first_authorized_at IS NULL "
                + "AND registered_at < now() ORDER BY registered_at LIMIT 10", "oauth_clients_never_authorized");
    }
}
