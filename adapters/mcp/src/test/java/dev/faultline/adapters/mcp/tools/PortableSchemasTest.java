package dev.faultline.adapters.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.faultline.adapters.mcp.McpTool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every tool's input and output schema is one that strict hosts accept: valid against the JSON Schema 2020-12
 * meta-schema (checked by an independent validator, networknt) and free of {@code type} arrays, which some
 * hosts refuse (nullability is {@code anyOf} with {@code {"type": "null"}}).
 */
class PortableSchemasTest {
    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(Schemas.DIALECT));
    private final List<McpTool> tools = new ToolWorld().tools.all();

    @Test
    void every_input_and_output_schema_is_valid_2020_12() {
        assertThat(tools).allSatisfy(t -> {
            assertThat(META_SCHEMA.validate(t.inputSchema())).as("%s inputSchema", t.name()).isEmpty();
            assertThat(META_SCHEMA.validate(t.outputSchema())).as("%s outputSchema", t.name()).isEmpty();
        });
    }

    @Test
    void no_schema_has_a_type_array() {
        assertThat(tools).allSatisfy(t -> {
            assertThat(typeArrays(t.inputSchema(), "inputSchema")).as(t.name()).isEmpty();
            assertThat(typeArrays(t.outputSchema(), "outputSchema")).as(t.name()).isEmpty();
        });
    }

    @Test
    void nullable_is_any_of_the_schema_and_null_with_the_description_outside() {
        JsonNode nullable = Schemas.nullable(Schemas.string("the release", 1, 5));

        assertThat(nullable.toString()).isEqualTo("{\"description\":\"the release\",\"anyOf\":[{\"type\":\"string\","
                + "\"minLength\":1,\"maxLength\":5},{\"type\":\"null\"}]}");
    }

    @Test
    void the_checker_refuses_a_type_array_so_none_can_come_back() {
        JsonNode schema = ToolWorld.json("{\"type\":[\"string\",\"null\"]}");

        assertThatThrownBy(() -> SchemaCheck.violations(schema, ToolWorld.json("\"x\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type arrays");
    }

    private static List<String> typeArrays(JsonNode schema, String path) {
        List<String> found = new ArrayList<>();
        if (schema.isObject()) {
            if (schema.path("type").isArray()) {
                found.add(path);
            }
            schema.fields().forEachRemaining(field -> found.addAll(typeArrays(field.getValue(),
                    path + "." + field.getKey())));
        } else if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                found.addAll(typeArrays(schema.get(i), path + "[" + i + "]"));
            }
        }
        return found;
    }
}
