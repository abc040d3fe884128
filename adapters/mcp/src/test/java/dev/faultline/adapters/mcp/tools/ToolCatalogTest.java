package dev.faultline.adapters.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.mcp.McpTool;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.domain.tracker.Permission;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What tools/list will show: names, schemas, annotations and scopes, for every tool. */
class ToolCatalogTest {
    private final List<McpTool> tools = new ToolWorld().tools.all();

    @Test
    void all_eleven_tools_in_a_stable_order_with_unique_valid_names() {
        assertThat(tools).extracting(McpTool::name).containsExactly("list_applications", "list_issues", "get_issue",
                "list_events", "get_event", "get_ingest_setup", "resolve_issue", "reopen_issue", "mute_issue", "assign_issue",
                "add_note", "delete_note");
        assertThat(tools).allSatisfy(t -> assertThat(t.name()).matches("[A-Za-z0-9_.-]{1,64}"));
    }

    @Test
    void every_tool_has_a_title_and_a_description_written_for_a_model() {
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.description()).hasSizeGreaterThan(150);
        });
        assertThat(tools).filteredOn(t -> !t.name().equals("delete_note"))
                .allSatisfy(t -> assertThat(t.description()).endsWith(ToolOutput.UNTRUSTED_HINT));
    }

    @Test
    void every_input_schema_is_a_closed_2020_12_object_whose_properties_are_described() {
        assertThat(tools).allSatisfy(t -> {
            JsonNode schema = t.inputSchema();
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("type").asText()).isEqualTo("object");
            assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
            assertThat(schema.path("additionalProperties").booleanValue()).isFalse();
            schema.path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
            schema.path("required").forEach(r -> assertThat(schema.path("properties").has(r.asText())).isTrue());
            everyObject(schema, o -> assertThat(o.path("additionalProperties").asBoolean(true))
                    .as("nested object of %s is closed", t.name()).isFalse());
        });
    }

    @Test
    void every_output_schema_is_an_object_schema_listing_the_untrusted_fields() {
        assertThat(tools).allSatisfy(t -> {
            JsonNode schema = t.outputSchema();
            assertThat(schema.path("type").asText()).isEqualTo("object");
            assertThat(schema.path("required").toString()).contains("\"untrusted\"");
            assertThat(schema.path("properties").path("untrusted").path("items").path("type").asText())
                    .isEqualTo("string");
        });
    }

    @Test
    void schemas_use_only_the_subset_the_checker_enforces() {
        // SchemaCheck throws on any keyword it does not enforce; an empty object walks the top level.
        assertThat(tools).allSatisfy(t -> SchemaCheck.violations(t.inputSchema(), ToolWorld.json("{}")));
    }

    @Test
    void annotations_are_truthful_and_scopes_match() {
        Map<String, ToolAnnotations> expected = Map.ofEntries(
                Map.entry("list_applications", new ToolAnnotations(true, false, true)),
                Map.entry("list_issues", new ToolAnnotations(true, false, true)),
                Map.entry("get_issue", new ToolAnnotations(true, false, true)),
                Map.entry("list_events", new ToolAnnotations(true, false, true)),
                Map.entry("get_event", new ToolAnnotations(true, false, true)),
                Map.entry("get_ingest_setup", new ToolAnnotations(true, false, true)),
                Map.entry("resolve_issue", new ToolAnnotations(false, false, true)),
                Map.entry("reopen_issue", new ToolAnnotations(false, false, true)),
                Map.entry("mute_issue", new ToolAnnotations(false, false, true)),
                Map.entry("assign_issue", new ToolAnnotations(false, false, true)),
                Map.entry("add_note", new ToolAnnotations(false, false, false)),
                Map.entry("delete_note", new ToolAnnotations(false, true, true)));
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.annotations()).as(t.name()).isEqualTo(expected.get(t.name()));
            assertThat(t.annotations().openWorld()).isFalse();
            assertThat(t.requiredPermission()).as(t.name())
                    .isEqualTo(t.annotations().readOnly() ? Permission.READ : Permission.WRITE);
        });
    }

    @Test
    void every_tool_refuses_unknown_fields_and_arguments_that_are_not_an_object() {
        ToolWorld world = new ToolWorld();
        var caller = ToolWorld.writer(world.user());
        assertThat(world.tools.all()).allSatisfy(t -> {
            assertThat(world.error(t.name(), caller, "{\"unexpected\":1}")).contains("unexpected: unknown field");
            assertThat(world.error(t.name(), caller, "[1]")).contains("arguments: expected an object");
            assertThat(world.error(t.name(), caller, "\"text\"")).contains("arguments: expected an object");
        });
    }

    @Test
    void schemas_handed_out_are_copies() {
        McpTool tool = tools.get(0);
        tool.inputSchema().put("additionalProperties", true);
        assertThat(tool.inputSchema().path("additionalProperties").booleanValue()).isFalse();
    }

    private static void everyObject(JsonNode schema, Consumer<JsonNode> check) {
        if (schema.isObject()) {
            JsonNode type = schema.path("type");
            if (type.asText().equals("object") || type.toString().contains("\"object\"")) {
                if (schema.has("properties")) {
                    check.accept(schema);
                }
            }
            Iterator<JsonNode> children = schema.elements();
            children.forEachRemaining(child -> everyObject(child, check));
        } else if (schema.isArray()) {
            schema.forEach(child -> everyObject(child, check));
        }
    }
}
