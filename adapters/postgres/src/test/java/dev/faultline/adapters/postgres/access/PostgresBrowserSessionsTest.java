package dev.faultline.adapters.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.IndexUse;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.BrowserSessionsContract;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresBrowserSessionsTest extends BrowserSessionsContract {
    static final TestDatabase db = TestDatabases.fresh();

    /** Empties the database first: the contract asks for the store before it creates its users. */
    @Override
    protected BrowserSessions browserSessions() {
        db.truncateAll();
        return new PostgresBrowserSessions(db.jdbi());
    }

    @Override
    protected UserId existingUser() {
        return AccessTestUsers.insert(db);
    }

    @Test
    void deleting_a_user_deletes_their_sessions() {
        BrowserSessions sessions = browserSessions();
        UserId owner = existingUser();
        BrowserSession session = session(owner, T0);
        sessions.add(session);

        db.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM users WHERE id = :id")
                .bind("id", owner.value()).execute());

        assertThat(sessions.findByHash(session.tokenHash())).isEmpty();
    }

    @Test
    void a_session_of_an_unknown_user_is_refused_by_the_foreign_key() {
        BrowserSessions sessions = browserSessions();
        BrowserSession orphan = session(UserId.random(), T0);

        assertThatThrownBy(() -> sessions.add(orphan)).isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("browser_sessions_user_id_fkey");
        assertThat(sessions.findByHash(orphan.tokenHash())).isEmpty();
    }

    @Test
    void the_schema_refuses_rows_the_domain_would_never_write() {
        UserId owner = existingUser();
        String insert = "INSERT INTO browser_sessions (id, user_id, token_hash, created_at, last_seen_at, "
                + "idle_expires_at, expires_at) VALUES (gen_random_uuid(), :owner, :hash, :created, :seen, :idle, :end)";
        OffsetDateTime t = T0.atOffset(ZoneOffset.UTC);
        String hash = TokenHash.of("x").hex();
        record Row(String hash, OffsetDateTime seen, OffsetDateTime idle, OffsetDateTime end) {
        }
        for (Row bad : new Row[] {
                new Row("NOT-A-HASH", t, t.plusHours(1), t.plusDays(1)),
                new Row(hash, t.minusSeconds(1), t.plusHours(1), t.plusDays(1)),
                new Row(hash, t, t, t.plusDays(1)),
                new Row(hash, t, t.plusDays(2), t.plusDays(1))}) {
            assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.createUpdate(insert)
                    .bind("owner", owner.value()).bind("hash", bad.hash()).bind("created", t)
                    .bind("seen", bad.seen()).bind("idle", bad.idle()).bind("end", bad.end()).execute()))
                    .as(bad.toString())
                    .isInstanceOf(UnableToExecuteStatementException.class);
        }
    }

    @Test
    void lookups_use_indexes() {
        IndexUse.assertServedBy(db, "browser_sessions", "SELECT * FROM browser_sessions WHERE token_hash = 'aa'",
                "browser_sessions_token_hash_unique");
        IndexUse.assertServedBy(db, "browser_sessions", "UPDATE browser_sessions SET revoked_at = now() "
                + "WHERE user_id = '00000000-0000-0000-0000-000000000001' AND revoked_at IS NULL",
                "browser_sessions_by_user");
        IndexUse.assertServedBy(db, "browser_sessions", "SELECT id FROM browser_sessions WHERE revoked_at < now() "
                + "OR idle_expires_at < now() LIMIT 10", "browser_sessions_revoked_at", "browser_sessions_idle_expires_at");
    }
}
