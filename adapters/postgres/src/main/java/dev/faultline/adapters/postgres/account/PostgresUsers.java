package dev.faultline.adapters.postgres.account;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Users in the {@code users} table. E-mail uniqueness is the unique index on {@code lower(email)}; an insert
 * that loses a race does nothing ({@code ON CONFLICT DO NOTHING}) and reports the address as taken.
 */
public final class PostgresUsers implements Users {
    private static final String COLUMNS = "id, email, display_name, password_hash, created_at";
    private final Jdbi jdbi;

    public PostgresUsers(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Insertion add(User user) {
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO users (" + COLUMNS + ") "
                        + "VALUES (:id, :email, :displayName, :passwordHash, :createdAt) ON CONFLICT DO NOTHING")
                .bind("id", user.id().value())
                .bind("email", user.email().value())
                .bind("displayName", user.displayName().value())
                .bind("passwordHash", user.passwordHash().encoded())
                .bind("createdAt", timestamp(user.createdAt()))
                .execute());
        return inserted == 1 ? Insertion.ADDED : Insertion.EMAIL_TAKEN;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresUsers::map)
                .findOne());
    }

    @Override
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        UUID[] values = ids.stream().map(UserId::value).distinct().toArray(UUID[]::new);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = ANY(:ids)")
                .bind("ids", values)
                .map(PostgresUsers::map)
                .collect(Collectors.toUnmodifiableMap(User::id, user -> user)));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM users WHERE lower(email) = :email")
                .bind("email", email.value())
                .map(PostgresUsers::map)
                .findOne());
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash.encoded())
                .bind("id", id.value())
                .execute());
    }

    private static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(new UserId(uuid(rs, "id")), new EmailAddress(rs.getString("email")),
                new DisplayName(rs.getString("display_name")), new PasswordHash(rs.getString("password_hash")),
                nullableInstant(rs, "created_at"));
    }
}
