package dev.faultline.adapters.postgres.account;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.domain.account.AddressFailures;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.RemoteAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts in {@code sign_in_failures_by_address} (migration V7). Each operation locks the address's row
 * ({@code SELECT ... FOR UPDATE}) for its read-decide-write, as {@link PostgresSignInAttempts} does; the first count
 * of an address inserts with {@code ON CONFLICT DO NOTHING} and, if another transaction inserted first, goes round
 * again to lock that row. The rule itself (limit, window, refunds) is the domain's, applied under the lock.
 */
public final class PostgresAddressSignInFailures implements AddressSignInFailures {
    private final Jdbi jdbi;

    public PostgresAddressSignInFailures(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<AddressFailures> find(RemoteAddress address) {
        return jdbi.withHandle(handle -> select(handle, address, false));
    }

    @Override
    public AddressSignInLimit.Reservation reserve(RemoteAddress address,
            Function<Optional<AddressFailures>, AddressSignInLimit.Reservation> decide) {
        return jdbi.inTransaction(handle -> {
            while (true) {
                Optional<AddressFailures> current = select(handle, address, true);
                AddressSignInLimit.Reservation reservation = decide.apply(current);
                Optional<AddressFailures> granted = reservation.fold(
                        g -> Optional.of(g.failures()),
                        refused -> Optional.empty());
                if (granted.isEmpty()) {
                    return reservation;
                }
                AddressFailures next = sameAddress(address, granted.get());
                if (current.isPresent()) {
                    update(handle, next);
                    return reservation;
                }
                int inserted = handle.createUpdate("INSERT INTO sign_in_failures_by_address "
                                + "(address, failures, window_started_at) VALUES (:address, :failures, :started) "
                                + "ON CONFLICT DO NOTHING")
                        .bind("address", next.address().value())
                        .bind("failures", next.failures())
                        .bind("started", timestamp(next.windowStartedAt()))
                        .execute();
                if (inserted == 1) {
                    return reservation;
                }
            }
        });
    }

    @Override
    public void refund(RemoteAddress address, UnaryOperator<AddressFailures> refund) {
        jdbi.useTransaction(handle -> select(handle, address, true)
                .ifPresent(current -> update(handle, sameAddress(address, refund.apply(current)))));
    }

    @Override
    public int purgeWindowsStartedBefore(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM sign_in_failures_by_address WHERE window_started_at < :cutoff")
                .bind("cutoff", timestamp(cutoff))
                .execute());
    }

    private static void update(Handle handle, AddressFailures next) {
        handle.createUpdate("UPDATE sign_in_failures_by_address SET failures = :failures, "
                        + "window_started_at = :started WHERE address = :address")
                .bind("address", next.address().value())
                .bind("failures", next.failures())
                .bind("started", timestamp(next.windowStartedAt()))
                .execute();
    }

    private static AddressFailures sameAddress(RemoteAddress address, AddressFailures failures) {
        if (!failures.address().equals(address)) {
            throw new IllegalArgumentException("a count for " + address + " must stay with that address");
        }
        return failures;
    }

    private static Optional<AddressFailures> select(Handle handle, RemoteAddress address, boolean forUpdate) {
        return handle.createQuery("SELECT address, failures, window_started_at FROM sign_in_failures_by_address "
                        + "WHERE address = :address" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("address", address.value())
                .map(PostgresAddressSignInFailures::map)
                .findOne();
    }

    private static AddressFailures map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AddressFailures(new RemoteAddress(rs.getString("address")), rs.getInt("failures"),
                nullableInstant(rs, "window_started_at"));
    }
}
