package dev.faultline.adapters.postgres.access;

import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static dev.faultline.application.access.testing.AccessFixtures.chain;
import static dev.faultline.application.access.testing.AccessFixtures.randomHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.IndexUse;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.access.port.out.TokenChainsContract;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresTokenChainsTest extends TokenChainsContract {
    static final TestDatabase db = TestDatabases.fresh();

    @Override
    protected void resetStorage() {
        db.truncateAll();
    }

    @Override
    protected TokenChains chains() {
        return new PostgresTokenChains(db.jdbi());
    }

    @Override
    protected Clients clients() {
        return new PostgresClients(db.jdbi());
    }

    @Override
    protected UserId existingUser() {
        return AccessTestUsers.insert(db);
    }

    @Override
    protected GrantLocks grantLocks() {
        return new PostgresGrantLocks(db.jdbi());
    }

    @Override
    protected Transactions transactions() {
        return db.transactions();
    }

    /**
     * What the bearer check does on every MCP call (load the chain, record its use) and what My Integrations
     * does (list a person's chains) never read {@code refresh_tokens}: with that table out of reach they still
     * work, after any number of rotations. Without the previous-hash column, loading a chain read every hash
     * it ever issued.
     */
    @Test
    void loading_a_chain_never_reads_the_refresh_tokens_it_issued() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        for (int i = 1; i <= 25; i++) {
            TokenChain next = ((dev.faultline.domain.access.RefreshOutcome.Rotated) chain.refresh(chain.current(),
                    randomHash(), java.util.Optional.empty(), T0.plusSeconds(i), STRICT)).chain();
            assertThat(chains.rotate(chain.id(), chain.currentRefresh(), next)).isTrue();
            chain = next;
        }
        db.jdbi().useHandle(handle -> handle.execute("ALTER TABLE refresh_tokens RENAME TO refresh_tokens_hidden"));
        try {
            assertThat(chains.findById(chain.id())).contains(chain);
            java.time.Instant later = T0.plus(java.time.Duration.ofHours(1));
            assertThat(chains.recordUse(chain.id(), later, later)).isTrue();
            assertThat(chains.listActiveFor(user, T0.plusSeconds(60))).hasSize(1);
        } finally {
            db.jdbi().useHandle(handle -> handle.execute("ALTER TABLE refresh_tokens_hidden RENAME TO refresh_tokens"));
        }
    }

    @Test
    void a_chain_and_its_refresh_hashes_go_with_their_user() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM users WHERE id = ?", user.value()));
        assertThat(chains.findById(chain.id())).isEmpty();
        int refreshRows = db.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM refresh_tokens")
                .mapTo(Integer.class).one());
        assertThat(refreshRows).isZero();
    }

    @Test
    void the_schema_refuses_a_current_refresh_hash_the_chain_never_issued() {
        TokenChain chain = chain(client.id(), user, T0);
        chains.add(chain);
        assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                "UPDATE token_chains SET current_refresh_hash = ? WHERE id = ?", randomHash().hex(),
                chain.id().value())))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("token_chains_current_is_issued");
        assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                "UPDATE token_chains SET revoked_at = now() WHERE id = ?", chain.id().value())))
                .hasMessageContaining("token_chains_revocation_complete");
        assertThat(chains.findById(chain.id())).contains(chain);
    }

    @Test
    void every_lookup_path_uses_an_index() {
        IndexUse.assertServedBy(db, "refresh_tokens", "SELECT chain_id FROM refresh_tokens WHERE token_hash = 'x'",
                "refresh_tokens_pkey");
        IndexUse.assertServedBy(db, "token_chains",
                "SELECT id FROM token_chains WHERE user_id = '00000000-0000-0000-0000-000000000001' AND client_id = 'c'",
                "token_chains_by_user_client");
        IndexUse.assertServedBy(db, "token_chains", "SELECT id FROM token_chains "
                + "WHERE user_id = '00000000-0000-0000-0000-000000000001' AND revoked_at IS NULL",
                "token_chains_by_user_client");
        IndexUse.assertServedBy(db, "token_chains",
                "SELECT id FROM token_chains WHERE revoked_at < now() OR refresh_expires_at < now()",
                "token_chains_revoked_at", "token_chains_refresh_expires_at");
    }
}
