package dev.faultline.application.intake.port.out;

import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.EventId;
import java.time.Instant;
import java.util.Objects;

/** The full cleaned event an SDK sent, kept beside the tracker's event of the same id. */
public record IngestedEvent(EventId eventId, ApplicationId applicationId, SdkEvent document, Instant receivedAt) {
    public IngestedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(document, "document");
        receivedAt = Times.micros(Objects.requireNonNull(receivedAt, "receivedAt"));
    }
}
