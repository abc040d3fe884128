package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Memberships in {@code memberships}, keyed by (application, user). */
public final class PostgresMemberships implements Memberships {
    private static final String COLUMNS = "application_id, user_id, role, joined_at";
    private final Jdbi jdbi;

    public PostgresMemberships(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Insertion add(Membership membership) {
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO memberships (" + COLUMNS + ") "
                        + "VALUES (:applicationId, :userId, :role, :joinedAt) ON CONFLICT DO NOTHING")
                .bind("applicationId", membership.applicationId().value())
                .bind("userId", membership.userId().value())
                .bind("role", membership.role().name().toLowerCase(Locale.ROOT))
                .bind("joinedAt", timestamp(membership.joinedAt()))
                .execute());
        return inserted == 1 ? Insertion.ADDED : Insertion.ALREADY_MEMBER;
    }

    @Override
    public Optional<Membership> find(ApplicationId applicationId, UserId userId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM memberships "
                        + "WHERE application_id = :applicationId AND user_id = :userId")
                .bind("applicationId", applicationId.value())
                .bind("userId", userId.value())
                .map(PostgresMemberships::map)
                .findOne());
    }

    @Override
    public List<Membership> listByUser(UserId userId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM memberships WHERE user_id = :userId")
                .bind("userId", userId.value())
                .map(PostgresMemberships::map)
                .list());
    }

    @Override
    public List<Membership> listByApplication(ApplicationId applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM memberships "
                        + "WHERE application_id = :applicationId ORDER BY joined_at, user_id")
                .bind("applicationId", applicationId.value())
                .map(PostgresMemberships::map)
                .list());
    }

    private static Membership map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(new ApplicationId(uuid(rs, "application_id")), new UserId(uuid(rs, "user_id")),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), nullableInstant(rs, "joined_at"));
    }
}
