package dev.faultline.adapters.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.IndexUse;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.PersonalTokensContract;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresPersonalTokensTest extends PersonalTokensContract {
    static final TestDatabase db = TestDatabases.fresh();

    /** Empties the database first: the contract asks for the store before it creates its users. */
    @Override
    protected PersonalTokens personalTokens() {
        db.truncateAll();
        return new PostgresPersonalTokens(db.jdbi());
    }

    @Override
    protected UserId existingUser() {
        UserId id = UserId.random();
        db.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO users (id, email, display_name, password_hash, created_at)
                        VALUES (:id, :email, 'Test User', '$argon2id$v=19$m=8,t=1,p=1$x$y', :now)
                        """)
                .bind("id", id.value())
                .bind("email", id + "@example.test")
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .execute());
        return id;
    }

    private static PersonalToken tokenOf(UserId owner) {
        return new PersonalToken(PersonalTokenId.random(), owner, PersonalTokenTitle.of("t"), Scopes.READ_ONLY,
                TokenHash.of("flt_pat_" + owner), T0, null, null, null);
    }

    @Test
    void deleting_a_user_deletes_their_tokens() {
        PersonalTokens tokens = personalTokens();
        UserId owner = existingUser();
        PersonalToken token = tokenOf(owner);
        tokens.add(token);

        db.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", owner.value()).execute());

        assertThat(tokens.findById(token.id())).isEmpty();
    }

    @Test
    void a_token_of_an_unknown_user_is_refused_by_the_foreign_key() {
        PersonalTokens tokens = personalTokens();
        PersonalToken orphan = tokenOf(UserId.random());

        assertThatThrownBy(() -> tokens.add(orphan)).isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("personal_tokens_user_id_fkey");
        assertThat(tokens.findById(orphan.id())).isEmpty();
    }

    @Test
    void the_schema_refuses_rows_the_domain_would_never_write() {
        UserId owner = existingUser();
        String insert = "INSERT INTO personal_tokens (id, user_id, title, scopes, token_hash, created_at, expires_at) "
                + "VALUES (gen_random_uuid(), :owner, :title, :scopes, :hash, :created, :expires)";
        OffsetDateTime created = T0.atOffset(ZoneOffset.UTC);
        String hash = TokenHash.of("x").hex();
        record Row(String title, String scopes, String hash, OffsetDateTime expires) {
        }
        for (Row bad : new Row[] {
                new Row("", "mcp:read", hash, null),
                new Row("x".repeat(101), "mcp:read", hash, null),
                new Row("t", "mcp:admin", hash, null),
                new Row("t", "", hash, null),
                new Row("t", "mcp:read", "NOT-A-HASH", null),
                new Row("t", "mcp:read", hash, created)}) {
            assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.createUpdate(insert)
                    .bind("owner", owner.value()).bind("title", bad.title()).bind("scopes", bad.scopes())
                    .bind("hash", bad.hash()).bind("created", created).bind("expires", bad.expires()).execute()))
                    .as(bad.toString())
                    .isInstanceOf(UnableToExecuteStatementException.class);
        }
    }

    @Test
    void lookups_use_indexes() {
        IndexUse.assertServedBy(db, "personal_tokens", "SELECT * FROM personal_tokens WHERE token_hash = 'aa'",
                "personal_tokens_token_hash_unique");
        IndexUse.assertServedBy(db, "personal_tokens", "SELECT * FROM personal_tokens "
                + "WHERE user_id = '00000000-0000-0000-0000-000000000001' ORDER BY created_at DESC",
                "personal_tokens_by_user");
    }

}
