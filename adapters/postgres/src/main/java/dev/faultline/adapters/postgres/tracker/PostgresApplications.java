package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.adapters.postgres.Rows.nullableInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Applications in {@code applications}; the slug is unique by constraint. */
public final class PostgresApplications implements Applications {
    private static final String COLUMNS = "id, name, slug, platform, created_at";
    private final Jdbi jdbi;

    public PostgresApplications(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Insertion add(Application application) {
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO applications (" + COLUMNS + ") "
                        + "VALUES (:id, :name, :slug, :platform, :createdAt) ON CONFLICT DO NOTHING")
                .bind("id", application.id().value())
                .bind("name", application.name())
                .bind("slug", application.slug().value())
                .bind("platform", application.platform().value())
                .bind("createdAt", timestamp(application.createdAt()))
                .execute());
        return inserted == 1 ? Insertion.ADDED : Insertion.SLUG_TAKEN;
    }

    @Override
    public Optional<Application> findById(ApplicationId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM applications WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresApplications::map)
                .findOne());
    }

    @Override
    public Optional<Application> findBySlug(ApplicationSlug slug) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM applications WHERE slug = :slug")
                .bind("slug", slug.value())
                .map(PostgresApplications::map)
                .findOne());
    }

    @Override
    public List<Application> findAll(Collection<ApplicationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] values = ids.stream().map(ApplicationId::value).distinct().toArray(UUID[]::new);
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM applications "
                        + "WHERE id = ANY(:ids) ORDER BY name COLLATE \"C\", id")
                .bind("ids", values)
                .map(PostgresApplications::map)
                .list());
    }

    private static Application map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Application(new ApplicationId(uuid(rs, "id")), rs.getString("name"),
                new ApplicationSlug(rs.getString("slug")), new Platform(rs.getString("platform")),
                nullableInstant(rs, "created_at"));
    }
}
