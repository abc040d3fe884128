package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for the JSON Schema 2020-12 subset the tools use (and {@link SchemaCheck} enforces). Object schemas
 * always close themselves with {@code additionalProperties: false}.
 */
final class Schemas {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private Schemas() {
    }

    static ObjectNode string(String description) {
        return typed("string", description);
    }

    static ObjectNode string(String description, int minLength, int maxLength) {
        ObjectNode schema = string(description);
        schema.put("minLength", minLength);
        schema.put("maxLength", maxLength);
        return schema;
    }

    static ObjectNode uuid(String description) {
        ObjectNode schema = string(description);
        schema.put("format", "uuid");
        return schema;
    }

    static ObjectNode dateTime(String description) {
        ObjectNode schema = string(description);
        schema.put("format", "date-time");
        return schema;
    }

    static ObjectNode integer(String description, long minimum, long maximum) {
        ObjectNode schema = typed("integer", description);
        schema.put("minimum", minimum);
        schema.put("maximum", maximum);
        return schema;
    }

    static ObjectNode bool(String description) {
        return typed("boolean", description);
    }

    static ObjectNode constant(boolean value, String description) {
        ObjectNode schema = bool(description);
        schema.put("const", value);
        return schema;
    }

    static ObjectNode oneOf(String description, List<String> values) {
        ObjectNode schema = string(description);
        ArrayNode allowed = schema.putArray("enum");
        values.forEach(allowed::add);
        return schema;
    }

    static ObjectNode arrayOf(ObjectNode items, String description) {
        ObjectNode schema = typed("array", description);
        schema.set("items", items);
        return schema;
    }

    /** An object with arbitrary keys whose values all match {@code values} (a map). */
    static ObjectNode mapOf(ObjectNode values, String description) {
        ObjectNode schema = typed("object", description);
        schema.set("additionalProperties", values);
        return schema;
    }

    /**
     * The same schema, also accepting {@code null} (for a value that may be absent in output), written as
     * {@code anyOf} of the schema and {@code {"type": "null"}} with the description outside: a {@code type} array
     * such as {@code ["string", "null"]} is valid 2020-12 but some hosts refuse the whole tool list over it.
     */
    static ObjectNode nullable(ObjectNode schema) {
        ObjectNode alternative = schema.deepCopy();
        JsonNode description = alternative.remove("description");
        ObjectNode nullable = JSON.objectNode();
        if (description != null) {
            nullable.set("description", description);
        }
        ArrayNode anyOf = nullable.putArray("anyOf");
        anyOf.add(alternative);
        anyOf.addObject().put("type", "null");
        return nullable;
    }

    static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    private static ObjectNode typed(String type, String description) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    /** Collects properties; {@link #build} closes the object, {@link #buildTopLevel} also names the dialect. */
    static final class ObjectBuilder {
        private final Map<String, ObjectNode> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final List<ObjectNode> alternatives = new ArrayList<>();
        private String description;

        ObjectBuilder describedAs(String text) {
            this.description = text;
            return this;
        }

        ObjectBuilder required(String name, ObjectNode schema) {
            properties.put(name, schema);
            required.add(name);
            return this;
        }

        ObjectBuilder optional(String name, ObjectNode schema) {
            properties.put(name, schema);
            return this;
        }

        /** Exactly one of the named properties must be present ({@code oneOf} of {@code required} sets). */
        ObjectBuilder exactlyOneOf(String... names) {
            for (String name : names) {
                ObjectNode alternative = JSON.objectNode();
                alternative.put("title", name);
                alternative.putArray("required").add(name);
                alternatives.add(alternative);
            }
            return this;
        }

        ObjectNode build() {
            ObjectNode schema = typed("object", description);
            ObjectNode props = schema.putObject("properties");
            properties.forEach(props::set);
            if (!required.isEmpty()) {
                ArrayNode names = schema.putArray("required");
                required.forEach(names::add);
            }
            schema.put("additionalProperties", false);
            if (!alternatives.isEmpty()) {
                schema.putArray("oneOf").addAll(alternatives);
            }
            return schema;
        }

        ObjectNode buildTopLevel() {
            ObjectNode schema = JSON.objectNode();
            schema.put("$schema", DIALECT);
            schema.setAll(build());
            return schema;
        }
    }
}
