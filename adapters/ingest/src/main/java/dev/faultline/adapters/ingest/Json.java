package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Tolerant reads from an event's JSON: {@code null} is absent, and a wrong shape is counted, never fatal. */
final class Json {
    private final Normalisation.Recorder recorder;

    Json(Normalisation.Recorder recorder) {
        this.recorder = recorder;
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Text as sent; a number or boolean as its text; an object or array is dropped. */
    Optional<String> text(JsonNode parent, String field) {
        return text(parent == null ? null : parent.get(field));
    }

    Optional<String> text(JsonNode node) {
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        if (node.isValueNode()) {
            recorder.add(Reason.VALUE_CONVERTED);
            return Optional.of(node.asText());
        }
        recorder.add(Reason.WRONG_TYPE_DROPPED);
        return Optional.empty();
    }

    /** A boolean, or {@code "true"}/{@code "false"} as text; anything else is absent. */
    Optional<Boolean> bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true")
                || node.textValue().equalsIgnoreCase("false"))) {
            recorder.add(Reason.VALUE_CONVERTED);
            return Optional.of(Boolean.parseBoolean(node.textValue()));
        }
        recorder.add(Reason.WRONG_TYPE_DROPPED);
        return Optional.empty();
    }

    /** A non-negative whole number (also as text); anything else is absent. */
    OptionalInt count(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return OptionalInt.empty();
        }
        if (node.canConvertToInt() && node.isIntegralNumber() && node.intValue() >= 0) {
            return OptionalInt.of(node.intValue());
        }
        if (node.isTextual() && node.textValue().strip().matches("\\d{1,9}")) {
            recorder.add(Reason.VALUE_CONVERTED);
            return OptionalInt.of(Integer.parseInt(node.textValue().strip()));
        }
        recorder.add(Reason.WRONG_TYPE_DROPPED);
        return OptionalInt.empty();
    }

    /** An object, or absent. */
    Optional<JsonNode> object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isObject()) {
            return Optional.of(node);
        }
        recorder.add(Reason.WRONG_TYPE_DROPPED);
        return Optional.empty();
    }

    /**
     * The entries of a Sentry "values" interface: {@code {"values":[...]}}, a bare list, or a bare object; only
     * objects are entries.
     */
    List<JsonNode> values(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return List.of();
        }
        JsonNode list = node.isObject() && node.has("values") ? node.get("values") : node;
        if (absent(list)) {
            return List.of();
        }
        if (list.isObject()) {
            return List.of(list);
        }
        if (!list.isArray()) {
            recorder.add(Reason.WRONG_TYPE_DROPPED);
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.isObject()) {
                entries.add(entry);
            } else if (!entry.isNull()) {
                recorder.add(Reason.WRONG_TYPE_DROPPED);
            }
        }
        return entries;
    }
}
