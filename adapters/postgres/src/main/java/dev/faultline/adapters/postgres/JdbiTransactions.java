package dev.faultline.adapters.postgres;

import dev.faultline.application.shared.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Units of work on PostgreSQL. Jdbi keeps the open handle in a per-thread scope, so every repository call
 * made inside {@code work} on this thread ({@code jdbi.withHandle}/{@code inTransaction}) joins the same
 * connection and transaction; nested units of work join the outer one. Any runtime exception rolls back.
 */
public final class JdbiTransactions implements Transactions {
    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
