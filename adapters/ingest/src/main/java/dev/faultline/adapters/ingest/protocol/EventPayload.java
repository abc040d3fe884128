package dev.faultline.adapters.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The bytes of one event as the SDK sent them (decompressed), for the event reader to parse. */
public final class EventPayload {

    private final byte[] bytes;

    public EventPayload(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The event as a JSON object, or empty when the bytes are not exactly one JSON object. */
    public Optional<JsonNode> object() {
        return Json.object(bytes);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventPayload payload && Arrays.equals(bytes, payload.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        String text = new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8);
        return "EventPayload[" + bytes.length + " bytes: " + text + (bytes.length > 80 ? "…" : "") + "]";
    }
}
