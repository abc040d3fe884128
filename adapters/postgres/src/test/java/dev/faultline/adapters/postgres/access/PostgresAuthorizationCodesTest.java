package dev.faultline.adapters.postgres.access;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.IndexUse;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.AuthorizationCodesContract;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.account.UserId;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresAuthorizationCodesTest extends AuthorizationCodesContract {
    static final TestDatabase db = TestDatabases.fresh();

    @Override
    protected void resetStorage() {
        db.truncateAll();
    }

    @Override
    protected AuthorizationCodes codes() {
        return new PostgresAuthorizationCodes(db.jdbi());
    }

    @Override
    protected Clients clients() {
        return new PostgresClients(db.jdbi());
    }

    @Override
    protected UserId existingUser() {
        return AccessTestUsers.insert(db);
    }

    @Test
    void codes_go_with_their_user_and_their_client() {
        AuthorizationCode mine = code(client.id(), user, T0);
        codes.add(mine);
        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM users WHERE id = ?", user.value()));
        assertThat(codes.findByHash(mine.codeHash())).isEmpty();

        UserId other = existingUser();
        AuthorizationCode theirs = code(client.id(), other, T0);
        codes.add(theirs);
        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM oauth_clients WHERE id = ?", client.id().value()));
        assertThat(codes.findByHash(theirs.codeHash())).isEmpty();
    }

    @Test
    void a_code_for_an_unknown_user_or_living_longer_than_a_minute_is_refused_by_the_schema() {
        assertThatThrownBy(() -> codes.add(code(client.id(), UserId.random(), T0)))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("authorization_codes_user_id_fkey");
        AuthorizationCode code = code(client.id(), user, T0);
        codes.add(code);
        assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                "UPDATE authorization_codes SET expires_at = issued_at + interval '61 seconds'")))
                .hasMessageContaining("authorization_codes_lifetime");
    }

    @Test
    void lookups_and_the_purge_use_indexes() {
        IndexUse.assertServedBy(db, "authorization_codes", "SELECT * FROM authorization_codes WHERE code_hash = 'x'",
                "authorization_codes_pkey");
        IndexUse.assertServedBy(db, "authorization_codes",
                "SELECT code_hash FROM authorization_codes WHERE expires_at < now()", "authorization_codes_expires_at");
    }
}
