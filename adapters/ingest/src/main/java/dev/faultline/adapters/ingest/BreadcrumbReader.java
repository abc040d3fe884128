package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import dev.faultline.domain.intake.Breadcrumb;
import dev.faultline.domain.intake.SdkEvent;
import dev.faultline.domain.tracker.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads {@code breadcrumbs} ({@code {"values":[...]}}, a bare list or a bare object), oldest first: the last
 * {@value SdkEvent#MAX_BREADCRUMBS} are kept, as Sentry does, since the newest are nearest the crash. Timestamps
 * get the event's clock-drift correction; an unknown level is no level; data is scrubbed like extra; a breadcrumb
 * that says nothing is dropped.
 */
final class BreadcrumbReader {
    private static final Map<String, Level> LEVEL_ALIASES = Map.of("warn", Level.WARNING,
            "critical", Level.FATAL, "log", Level.INFO);

    private final Json json;
    private final Clean clean;
    private final SecretScrubber scrubber;
    private final Normalisation.Recorder recorder;
    private final Duration drift;

    BreadcrumbReader(Json json, Clean clean, SecretScrubber scrubber, Normalisation.Recorder recorder,
            Duration drift) {
        this.json = json;
        this.clean = clean;
        this.scrubber = scrubber;
        this.recorder = recorder;
        this.drift = drift;
    }

    /** The breadcrumbs of {@code event}. */
    List<Breadcrumb> read(JsonNode event) {
        List<JsonNode> entries = json.values(event, "breadcrumbs");
        int excess = entries.size() - SdkEvent.MAX_BREADCRUMBS;
        if (excess > 0) {
            recorder.add(Reason.ENTRIES_DROPPED, excess);
            entries = entries.subList(excess, entries.size());
        }
        List<Breadcrumb> read = new ArrayList<>();
        for (JsonNode entry : entries) {
            breadcrumb(entry).ifPresentOrElse(read::add, () -> recorder.add(Reason.EMPTY_DROPPED));
        }
        return read;
    }

    private Optional<Breadcrumb> breadcrumb(JsonNode entry) {
        Optional<Instant> timestamp = Timestamps.parse(entry.get("timestamp")).map(t -> t.plus(drift));
        Optional<String> type = clean.line(json.text(entry, "type"), Breadcrumb.MAX_TYPE_LENGTH);
        Optional<String> category = clean.line(json.text(entry, "category"), Breadcrumb.MAX_CATEGORY_LENGTH);
        Optional<String> message = clean.text(json.text(entry, "message"), Breadcrumb.MAX_MESSAGE_LENGTH)
                .filter(m -> !m.isBlank());
        TreeMap<String, String> data = json.object(entry, "data")
                .map(d -> new FieldsReader(clean, scrubber, recorder).read(d, Breadcrumb.MAX_DATA,
                        Breadcrumb.MAX_DATA_NAME_LENGTH, Breadcrumb.MAX_DATA_LENGTH))
                .orElseGet(TreeMap::new);
        if (type.isEmpty() && category.isEmpty() && message.isEmpty() && data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Breadcrumb(timestamp, type, category, level(entry), message, data));
    }

    private Optional<Level> level(JsonNode entry) {
        Optional<String> text = json.text(entry, "level").map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Level> known = Arrays.stream(Level.values()).filter(l -> l.wireName().equals(text.get()))
                .findFirst().or(() -> Optional.ofNullable(LEVEL_ALIASES.get(text.get())));
        if (known.isEmpty()) {
            recorder.add(Reason.LEVEL_DEFAULTED);
        }
        return known;
    }
}
