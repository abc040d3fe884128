package dev.faultline.adapters.ingest.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Parses the small JSON documents of the protocol (header lines, client reports) from bytes already in memory. */
final class Json {

    /** Deeper than any header or client report needs; Jackson's own default is 1000. */
    static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The JSON object in {@code bytes}, or empty when they are not exactly one JSON object. */
    static Optional<JsonNode> object(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            // the bytes are in memory: every failure here is about their content
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    static boolean absent(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull();
    }
}
