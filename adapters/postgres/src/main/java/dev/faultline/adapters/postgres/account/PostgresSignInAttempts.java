package dev.faultline.adapters.postgres.account;

import dev.faultline.adapters.postgres.Rows;
import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.optionalInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;

import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.FailedSignIns;
import dev.faultline.domain.account.SignInThrottle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Failure streaks in {@code sign_in_failures}. {@link #reserve} locks the address's row
 * ({@code SELECT ... FOR UPDATE}) for its read-decide-write, so concurrent reservations on any instance decide one
 * after the other; the first failure of an address inserts with {@code ON CONFLICT DO NOTHING} and, if another
 * transaction inserted first, goes round again to lock (and decide on) that row. A refusal writes nothing.
 */
public final class PostgresSignInAttempts implements SignInAttempts {
    private static final String COLUMNS = "email, failures, streak_started_at, last_failure_at, locked_until";
    private final Jdbi jdbi;

    public PostgresSignInAttempts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<FailedSignIns> find(EmailAddress email) {
        return jdbi.withHandle(handle -> select(handle, email, false));
    }

    @Override
    public SignInThrottle.Reservation reserve(EmailAddress email,
            Function<Optional<FailedSignIns>, SignInThrottle.Reservation> decide) {
        return jdbi.inTransaction(handle -> {
            while (true) {
                Optional<FailedSignIns> current = select(handle, email, true);
                SignInThrottle.Reservation reservation = decide.apply(current);
                Optional<FailedSignIns> granted = reservation.fold(
                        g -> Optional.of(g.streak()),
                        refused -> Optional.empty());
                if (granted.isEmpty()) {
                    return reservation;
                }
                FailedSignIns updated = granted.get();
                if (!updated.email().equals(email)) {
                    throw new IllegalArgumentException("a streak for " + email + " must stay with that address");
                }
                if (current.isPresent()) {
                    handle.createUpdate("UPDATE sign_in_failures SET failures = :failures, "
                                    + "streak_started_at = :started, last_failure_at = :last, locked_until = :locked "
                                    + "WHERE email = :email")
                            .bindMap(values(updated))
                            .execute();
                    return reservation;
                }
                int inserted = handle.createUpdate("INSERT INTO sign_in_failures (" + COLUMNS + ") "
                                + "VALUES (:email, :failures, :started, :last, :locked) ON CONFLICT DO NOTHING")
                        .bindMap(values(updated))
                        .execute();
                if (inserted == 1) {
                    return reservation;
                }
            }
        });
    }

    @Override
    public void clear(EmailAddress email) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sign_in_failures WHERE email = :email")
                .bind("email", email.value())
                .execute());
    }

    @Override
    public int purgeQuietSince(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sign_in_failures "
                        + "WHERE GREATEST(last_failure_at, COALESCE(locked_until, last_failure_at)) < :cutoff")
                .bind("cutoff", timestamp(cutoff))
                .execute());
    }

    private static Optional<FailedSignIns> select(Handle handle, EmailAddress email, boolean forUpdate) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM sign_in_failures WHERE email = :email"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("email", email.value())
                .map(PostgresSignInAttempts::map)
                .findOne();
    }

    private static Map<String, Object> values(FailedSignIns streak) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", streak.email().value());
        values.put("failures", streak.failures());
        values.put("started", timestamp(streak.streakStartedAt()));
        values.put("last", timestamp(streak.lastFailureAt()));
        values.put("locked", streak.lockedUntil().map(Rows::timestamp).orElse(null));
        return values;
    }

    private static FailedSignIns map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new FailedSignIns(new EmailAddress(rs.getString("email")), rs.getInt("failures"),
                nullableInstant(rs, "streak_started_at"), nullableInstant(rs, "last_failure_at"), optionalInstant(rs, "locked_until"));
    }
}
