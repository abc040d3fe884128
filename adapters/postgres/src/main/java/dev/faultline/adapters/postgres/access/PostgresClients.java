package dev.faultline.adapters.postgres.access;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.optionalInstant;
import static dev.faultline.adapters.postgres.Rows.strings;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.adapters.postgres.Rows;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.ApplicationType;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientAuthMethod;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.RedirectUri;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/** Clients in {@code oauth_clients} (migration {@code V2__access.sql}). */
public final class PostgresClients implements Clients {
    private static final String COLUMNS = "id, name, redirect_uris, grant_types, auth_method, secret_hash, "
            + "scope_ceiling, client_uri, logo_uri, application_type, registered_at, first_authorized_at";

    private final Jdbi jdbi;

    public PostgresClients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static final String INSERT = "INSERT INTO oauth_clients (" + COLUMNS + ") VALUES (:id, "
            + ":name, :redirectUris, :grantTypes, :authMethod, :secretHash, :scopeCeiling, :clientUri, "
            + ":logoUri, :applicationType, :registeredAt, :firstAuthorizedAt)";

    @Override
    public void add(Client client) {
        try {
            jdbi.useHandle(handle -> bindAll(handle.createUpdate(INSERT), client).execute());
        } catch (UnableToExecuteStatementException e) {
            if (Rows.isUniqueViolation(e)) {
                throw new IllegalStateException("client id already taken", e);
            }
            throw e;
        }
    }

    /** One atomic upsert: concurrent calls for one id leave one row; first_authorized_at is never overwritten. */
    @Override
    public void remember(Client client) {
        jdbi.useHandle(handle -> bindAll(handle.createUpdate(INSERT + """
                 ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, redirect_uris = EXCLUDED.redirect_uris,
                    grant_types = EXCLUDED.grant_types, auth_method = EXCLUDED.auth_method,
                    secret_hash = EXCLUDED.secret_hash, scope_ceiling = EXCLUDED.scope_ceiling,
                    client_uri = EXCLUDED.client_uri, logo_uri = EXCLUDED.logo_uri,
                    application_type = EXCLUDED.application_type, registered_at = EXCLUDED.registered_at
                """), client).execute());
    }

    private static Update bindAll(Update update, Client client) {
        return update.bind("id", client.id().value())
                    .bind("name", client.name())
                    .bindArray("redirectUris", String.class,
                            client.redirectUris().stream().map(RedirectUri::value).toList())
                    .bindArray("grantTypes", String.class,
                            client.grantTypes().stream().map(GrantType::wireName).sorted().toList())
                    .bind("authMethod", client.authMethod().wireName())
                    .bind("secretHash", client.secretHash().map(TokenHash::hex).orElse(null))
                    .bind("scopeCeiling", client.scopeCeiling().asString())
                    .bind("clientUri", client.clientUri().orElse(null))
                    .bind("logoUri", client.logoUri().orElse(null))
                    .bind("applicationType", client.applicationType().wireName())
                    .bind("registeredAt", timestamp(client.registeredAt()))
                    .bind("firstAuthorizedAt", timestamp(client.firstAuthorizedAt()));
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM oauth_clients WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresClients::map)
                .findOne());
    }

    @Override
    public void markAuthorized(ClientId id, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE oauth_clients SET first_authorized_at = :at WHERE id = :id AND first_authorized_at IS NULL")
                .bind("id", id.value())
                .bind("at", timestamp(at))
                .execute());
    }

    /**
     * {@code FOR UPDATE SKIP LOCKED}: concurrent purgers take different rows, and a client being authorized right
     * now (its row locked by the update, or already updated when re-checked) is not deleted.
     */
    @Override
    public int purgeAbandoned(Instant registeredBefore, int limit) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM oauth_clients WHERE id IN (
                            SELECT id FROM oauth_clients
                            WHERE first_authorized_at IS NULL AND registered_at < :cutoff
                            ORDER BY registered_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", timestamp(registeredBefore))
                .bind("limit", limit)
                .execute());
    }

    private static Client map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Client(
                new ClientId(rs.getString("id")),
                rs.getString("name"),
                strings(rs, "redirect_uris").stream().map(RedirectUri::parse).toList(),
                strings(rs, "grant_types").stream().map(name -> GrantType.fromWireName(name).orElseThrow())
                        .collect(Collectors.toSet()),
                ClientAuthMethod.fromWireName(rs.getString("auth_method")).orElseThrow(),
                Optional.ofNullable(rs.getString("secret_hash")).map(TokenHash::new),
                Scopes.parse(rs.getString("scope_ceiling"), null),
                Optional.ofNullable(rs.getString("client_uri")),
                Optional.ofNullable(rs.getString("logo_uri")),
                ApplicationType.fromWireName(rs.getString("application_type")).orElseThrow(),
                instant(rs, "registered_at"),
                optionalInstant(rs, "first_authorized_at"));
    }
}
