package dev.faultline.adapters.postgres.intake;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.optionalInstant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.intake.PublicIngestKey;
import dev.faultline.domain.tracker.ApplicationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Ingest keys in {@code ingest_keys}; the public key is unique by constraint. */
public final class PostgresIngestKeys implements IngestKeys {
    private static final String COLUMNS =
            "id, application_id, public_key, label, enabled, events_per_minute, created_at, last_used_at";
    private final Jdbi jdbi;

    public PostgresIngestKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Insertion add(IngestKey key) {
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO ingest_keys (" + COLUMNS + ") "
                        + "VALUES (:id, :applicationId, :publicKey, :label, :enabled, :eventsPerMinute, :createdAt, "
                        + ":lastUsedAt) ON CONFLICT DO NOTHING")
                .bind("id", key.id().value())
                .bind("applicationId", key.applicationId().value())
                .bind("publicKey", key.key().value())
                .bind("label", key.label())
                .bind("enabled", key.enabled())
                .bindByType("eventsPerMinute", key.eventsPerMinute().isPresent()
                        ? Integer.valueOf(key.eventsPerMinute().getAsInt()) : null, Integer.class)
                .bind("createdAt", timestamp(key.createdAt()))
                .bind("lastUsedAt", timestamp(key.lastUsedAt()))
                .execute());
        return inserted == 1 ? Insertion.ADDED : Insertion.KEY_TAKEN;
    }

    @Override
    public Optional<IngestKey> findById(IngestKeyId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM ingest_keys WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresIngestKeys::map)
                .findOne());
    }

    @Override
    public List<IngestKey> listByApplication(ApplicationId applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM ingest_keys "
                        + "WHERE application_id = :applicationId ORDER BY created_at, id")
                .bind("applicationId", applicationId.value())
                .map(PostgresIngestKeys::map)
                .list());
    }

    @Override
    public int countByApplication(ApplicationId applicationId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM ingest_keys WHERE application_id = :applicationId")
                .bind("applicationId", applicationId.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public boolean updateEnabled(IngestKeyId id, boolean enabled) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE ingest_keys SET enabled = :enabled WHERE id = :id")
                .bind("id", id.value())
                .bind("enabled", enabled)
                .execute()) == 1;
    }

    @Override
    public boolean recordUse(IngestKeyId id, Instant usedAt) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE ingest_keys "
                        + "SET last_used_at = GREATEST(last_used_at, :usedAt) WHERE id = :id")
                .bind("id", id.value())
                .bind("usedAt", timestamp(usedAt))
                .execute()) == 1;
    }

    @Override
    public boolean delete(IngestKeyId id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM ingest_keys WHERE id = :id")
                .bind("id", id.value())
                .execute()) == 1;
    }

    private static IngestKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        int limit = rs.getInt("events_per_minute");
        OptionalInt eventsPerMinute = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(limit);
        return new IngestKey(new IngestKeyId(uuid(rs, "id")), new ApplicationId(uuid(rs, "application_id")),
                new PublicIngestKey(rs.getString("public_key")), rs.getString("label"), rs.getBoolean("enabled"),
                eventsPerMinute, instant(rs, "created_at"), optionalInstant(rs, "last_used_at"));
    }
}
