package dev.faultline.adapters.ingest.protocol;

import java.time.Instant;
import java.util.Optional;

/**
 * The envelope header fields Faultline reads. Unknown fields (such as {@code trace}) are read past.
 *
 * @param eventId the event id as 32 lowercase hex digits; when present it takes precedence over the event
 *                payload's own {@code event_id} ({@code envelopes.mdx})
 * @param dsn     the full DSN of a self-authenticated envelope, unparsed (see {@link SentryAuthentication})
 * @param sentAt  when the SDK sent the request, for clock-drift correction; empty when absent or unreadable
 */
public record EnvelopeHeader(Optional<String> eventId, Optional<String> dsn, Optional<Instant> sentAt,
                             Optional<SdkName> sdk) {

    /** A legacy store request has no envelope header. */
    public static final EnvelopeHeader NONE =
            new EnvelopeHeader(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
