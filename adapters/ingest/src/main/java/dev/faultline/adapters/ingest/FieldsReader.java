package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An object of free-form fields (a context, a breadcrumb's data) as a bounded map of text: secrets filtered by key
 * name, nested values rendered as compact JSON, the first {@code max} fields in the sender's order kept.
 */
final class FieldsReader {
    private final Clean clean;
    private final SecretScrubber scrubber;
    private final Normalisation.Recorder recorder;

    FieldsReader(Clean clean, SecretScrubber scrubber, Normalisation.Recorder recorder) {
        this.clean = clean;
        this.scrubber = scrubber;
        this.recorder = recorder;
    }

    TreeMap<String, String> read(JsonNode object, int max, int maxName, int maxValue) {
        TreeMap<String, String> fields = new TreeMap<>();
        int dropped = 0;
        Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> field = entries.next();
            Optional<String> name = clean.line(Optional.of(field.getKey()), maxName);
            if (name.isEmpty() || Json.absent(field.getValue())) {
                continue;
            }
            if (fields.size() >= max) {
                dropped++;
            } else {
                fields.put(name.get(), Rendered.of(scrubber.scrubEntry(field.getKey(), field.getValue()), clean,
                        maxValue));
            }
        }
        recorder.add(Reason.ENTRIES_DROPPED, dropped);
        return fields;
    }
}
