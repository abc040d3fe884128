package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON value as text for display: text as it is, anything else as compact JSON, cleaned and cut. */
final class Rendered {
    private Rendered() {
    }

    static String of(JsonNode value, Clean clean, int max) {
        String text = Json.absent(value) ? "null" : value.isTextual() ? value.textValue() : value.toString();
        return clean.text(text, max);
    }
}
