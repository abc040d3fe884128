package dev.faultline.adapters.ingest.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one ingest request carried, the same shape for an envelope and a legacy store body: at most one event and
 * the metadata around it.
 *
 * @param header        the envelope header ({@link EnvelopeHeader#NONE} for a store body)
 * @param event         the event's bytes; empty for an envelope without one (sessions, client reports only)
 * @param clientReports what the SDK reports it dropped itself, from every {@code client_report} item
 * @param skippedItems  items Faultline does not keep (sessions, attachments, transactions, unknown types),
 *                      counted by {@link ItemTypes#label type label}
 * @param droppedItems  items Faultline would keep but could not, by type label and reason
 */
public record Submission(EnvelopeHeader header, Optional<EventPayload> event, List<DiscardedEvents> clientReports,
                         Map<String, Integer> skippedItems, Map<DroppedItem, Integer> droppedItems) {

    public Submission {
        clientReports = List.copyOf(clientReports);
        skippedItems = Map.copyOf(skippedItems);
        droppedItems = Map.copyOf(droppedItems);
    }

    /** The event id the envelope header gives, which takes precedence over the one in the event payload. */
    public Optional<String> eventId() {
        return header.eventId();
    }

    /** An item that could not be kept, and why. */
    public record DroppedItem(String type, Reason reason) {
    }

    public enum Reason {
        /** A second {@code event} item: an envelope carries at most one; the first is kept. */
        SECOND_EVENT,
        /** Larger than its type's limit (a client report over 4 KiB). */
        OVERSIZE,
        /** Not readable as its type (a client report that is not a JSON object). */
        MALFORMED
    }
}
