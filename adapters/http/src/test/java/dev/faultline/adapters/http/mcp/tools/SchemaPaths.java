package dev.faultline.adapters.http.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** Resolves a field path such as {@code issues[].title} through an output schema (properties and items). */
final class SchemaPaths {
    private SchemaPaths() {
    }

    static boolean exists(JsonNode schema, String path) {
        JsonNode current = schema;
        for (String part : path.split("\\.")) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            current = current.path("properties").path(name);
            if (current.isMissingNode()) {
                return false;
            }
            if (array) {
                current = current.path("items");
                if (current.isMissingNode()) {
                    return false;
                }
            }
        }
        return true;
    }
}
