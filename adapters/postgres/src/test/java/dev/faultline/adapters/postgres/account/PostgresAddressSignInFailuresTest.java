package dev.faultline.adapters.postgres.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.AddressSignInFailuresContract;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class PostgresAddressSignInFailuresTest extends AddressSignInFailuresContract {
    static final TestDatabase db = TestDatabases.fresh();
    private final PostgresAddressSignInFailures failures = new PostgresAddressSignInFailures(db.jdbi());

    @Override
    protected AddressSignInFailures failures() {
        return failures;
    }

    @Test
    void the_schema_refuses_counts_the_domain_would_never_write() {
        for (String values : new String[] {"('', 1, now())", "('192.0.2.1', -1, now())",
                "('" + "x".repeat(101) + "', 1, now())"}) {
            assertThatThrownBy(() -> db.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO sign_in_failures_by_address (address, failures, window_started_at) VALUES " + values)))
                    .as(values).isInstanceOf(UnableToExecuteStatementException.class);
        }
    }
}
