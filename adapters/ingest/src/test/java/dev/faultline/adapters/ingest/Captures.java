package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The captured SDK payloads (see captures/README.md) and JSON helpers for tests. */
final class Captures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Shortly after the captures were made, so none of their timestamps lies in the future. */
    static final Instant RECEIVED = Instant.parse("2026-12-03T20:45:00Z");

    private Captures() {
    }

    static ObjectNode load(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("captures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventReader.Result read(JsonNode event) {
        return new EventReader(() -> "ffffffffffffffffffffffffffffffff").read(event, RECEIVED);
    }
}
