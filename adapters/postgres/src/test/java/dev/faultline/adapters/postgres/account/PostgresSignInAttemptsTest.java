package dev.faultline.adapters.postgres.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.IndexUse;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.application.account.port.out.SignInAttemptsContract;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresSignInAttemptsTest extends SignInAttemptsContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresSignInAttempts attempts = new PostgresSignInAttempts(db.jdbi());

    @Override
    protected SignInAttempts attempts() {
        return attempts;
    }

    @Test
    void the_schema_refuses_streaks_the_domain_would_never_write() {
        for (String values : new String[] {
                "('Upper@example.org', 1, now(), now(), NULL)",
                "('a@example.org', 0, now(), now(), NULL)",
                "('b@example.org', 1, now(), now() - interval '1 second', NULL)"}) {
            assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO sign_in_failures (email, failures, streak_started_at, last_failure_at, locked_until) "
                            + "VALUES " + values)))
                    .as(values).isInstanceOf(UnableToExecuteStatementException.class);
        }
    }

    @Test
    void the_purge_uses_its_index() {
        IndexUse.assertServedBy(db, "sign_in_failures", "DELETE FROM sign_in_failures WHERE "
                + "GREATEST(last_failure_at, COALESCE(locked_until, last_failure_at)) < now()",
                "sign_in_failures_quiet_since");
    }
}
