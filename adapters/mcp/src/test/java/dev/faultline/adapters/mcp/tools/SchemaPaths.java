package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** Resolves a field path such as {@code issues[].title} through an output schema (properties and items, through nullable {@code anyOf}). */
final class SchemaPaths {
    private SchemaPaths() {
    }

    static boolean exists(JsonNode schema, String path) {
        JsonNode current = schema;
        for (String part : path.split("\\.")) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            current = unwrapNullable(current).path("properties").path(name);
            if (current.isMissingNode()) {
                return false;
            }
            if (array) {
                current = unwrapNullable(current).path("items");
                if (current.isMissingNode()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The non-null alternative of a nullable ({@code anyOf}) schema; any other schema as it is. */
    private static JsonNode unwrapNullable(JsonNode schema) {
        for (JsonNode alternative : schema.path("anyOf")) {
            if (!"null".equals(alternative.path("type").asText())) {
                return alternative;
            }
        }
        return schema;
    }
}
