package dev.faultline.adapters.postgres.intake;

import static dev.faultline.adapters.postgres.Rows.instant;
import static dev.faultline.adapters.postgres.Rows.timestamp;
import static dev.faultline.adapters.postgres.Rows.uuid;

import dev.faultline.application.intake.port.out.IngestedEvents.IngestedEvent;
import dev.faultline.application.intake.port.out.IngestedEvents;
import dev.faultline.domain.intake.SdkEventId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.EventId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Documents in {@code ingested_events} as jsonb ({@link SdkEventDocument}). The claim is {@code INSERT ... ON
 * CONFLICT DO NOTHING} on (application, SDK event id): PostgreSQL makes a concurrent insert of the same key wait
 * for the first transaction, then either skip it (committed) or proceed (rolled back), so a resend never fails.
 */
public final class PostgresIngestedEvents implements IngestedEvents {
    private static final String COLUMNS = "event_id, application_id, document::text AS document, received_at";
    private final Jdbi jdbi;

    public PostgresIngestedEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Claim claim(IngestedEvent event) {
        return jdbi.inTransaction(handle -> {
            int inserted = handle.createUpdate("INSERT INTO ingested_events (event_id, application_id, sdk_event_id, "
                            + "received_at, document) VALUES (:eventId, :applicationId, :sdkEventId, :receivedAt, "
                            + "CAST(:document AS jsonb)) ON CONFLICT (application_id, sdk_event_id) DO NOTHING")
                    .bind("eventId", event.eventId().value())
                    .bind("applicationId", event.applicationId().value())
                    .bind("sdkEventId", event.document().eventId().value())
                    .bind("receivedAt", timestamp(event.receivedAt()))
                    .bind("document", SdkEventDocument.write(event.document()))
                    .execute();
            if (inserted == 1) {
                return new Claim.Claimed();
            }
            EventId existing = handle.createQuery("SELECT event_id FROM ingested_events "
                            + "WHERE application_id = :applicationId AND sdk_event_id = :sdkEventId")
                    .bind("applicationId", event.applicationId().value())
                    .bind("sdkEventId", event.document().eventId().value())
                    .map((rs, ctx) -> new EventId(uuid(rs, "event_id")))
                    .one();
            return new Claim.AlreadyStored(existing);
        });
    }

    @Override
    public Optional<IngestedEvent> findByEventId(EventId eventId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM ingested_events WHERE event_id = :eventId")
                .bind("eventId", eventId.value())
                .map(PostgresIngestedEvents::map)
                .findOne());
    }

    @Override
    public Optional<IngestedEvent> findBySdkEventId(ApplicationId applicationId, SdkEventId sdkEventId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM ingested_events "
                        + "WHERE application_id = :applicationId AND sdk_event_id = :sdkEventId")
                .bind("applicationId", applicationId.value())
                .bind("sdkEventId", sdkEventId.value())
                .map(PostgresIngestedEvents::map)
                .findOne());
    }

    private static IngestedEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IngestedEvent(new EventId(uuid(rs, "event_id")), new ApplicationId(uuid(rs, "application_id")),
                SdkEventDocument.read(rs.getString("document")), instant(rs, "received_at"));
    }
}
