package dev.faultline.adapters.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code client_report} item ({@code {"timestamp":…,"discarded_events":[{"reason","category",
 * "quantity"}]}}). Lines that are not a token reason, a token category and a positive integer quantity are left
 * out; a payload that is not a JSON object is no report at all.
 */
final class ClientReport {

    private ClientReport() {
    }

    static Optional<List<DiscardedEvents>> parse(byte[] payload) {
        Optional<JsonNode> report = Json.object(payload);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        List<DiscardedEvents> lines = new ArrayList<>();
        JsonNode discarded = report.get().path("discarded_events");
        if (discarded.isArray()) {
            for (JsonNode line : discarded) {
                read(line).ifPresent(lines::add);
            }
        }
        return Optional.of(List.copyOf(lines));
    }

    private static Optional<DiscardedEvents> read(JsonNode line) {
        if (!line.isObject()) {
            return Optional.empty();
        }
        Optional<String> reason = token(line, "reason");
        Optional<String> category = token(line, "category");
        JsonNode quantity = line.path("quantity");
        if (reason.isEmpty() || category.isEmpty() || !quantity.isIntegralNumber() || !quantity.canConvertToLong()
                || quantity.longValue() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new DiscardedEvents(reason.get(), category.get(), quantity.longValue()));
    }

    private static Optional<String> token(JsonNode line, String field) {
        return Json.text(line, field).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> DiscardedEvents.TOKEN.matcher(t).matches());
    }
}
