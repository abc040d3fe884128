package dev.faultline.adapters.mcp.tools;

import static dev.faultline.adapters.mcp.tools.ToolWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private final ObjectNode schema = Schemas.object()
            .required("id", Schemas.uuid("an id"))
            .optional("limit", Schemas.integer("a limit", 1, 100))
            .optional("name", Schemas.string("a name", 1, 5))
            .optional("when", Schemas.dateTime("a time"))
            .optional("color", Schemas.oneOf("a color", List.of("red", "blue")))
            .optional("maybe", Schemas.nullable(Schemas.string("text or null")))
            .optional("flag", Schemas.constant(true, "only true"))
            .optional("tags", Schemas.mapOf(Schemas.string(null), "string values"))
            .optional("list", Schemas.arrayOf(Schemas.object().required("x", Schemas.bool(null)).build(), null))
            .buildTopLevel();

    private List<String> check(String value) {
        return SchemaCheck.violations(schema, json(value));
    }

    @Test
    void a_conforming_value_has_no_violations() {
        assertThat(check("""
                {"id":"3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b","limit":100,"name":"abcde",
                 "when":"2026-11-23T10:00:00+01:00",
                 "color":"red","maybe":null,"flag":true,"tags":{"a":"b"},"list":[{"x":false}]}""")).isEmpty();
        assertThat(check("{\"id\":\"3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b\",\"limit\":5.0}"))
                .as("5.0 is an integer in JSON Schema").isEmpty();
    }

    @Test
    void each_rule_is_enforced_with_a_message_naming_the_field() {
        String id = "\"id\":\"3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1b\"";
        assertThat(check("{}")).containsExactly("id: is required");
        assertThat(check("{" + id + ",\"extra\":1}")).singleElement().asString()
                .startsWith("extra: unknown field").contains("id, limit, name");
        assertThat(check("{" + id + ",\"limit\":\"10\"}")).containsExactly(
                "limit: expected an integer, got a string \"10\"");
        assertThat(check("{" + id + ",\"limit\":1.5}")).singleElement().asString().contains("expected an integer");
        assertThat(check("{" + id + ",\"limit\":0}")).containsExactly("limit: must be at least 1, not 0");
        assertThat(check("{" + id + ",\"limit\":1e300}")).singleElement().asString().startsWith(
                "limit: must be at most 100");
        assertThat(check("{" + id + ",\"limit\":99999999999999999999999999}")).singleElement().asString()
                .startsWith("limit: must be at most 100");
        assertThat(check("{" + id + ",\"name\":\"\"}")).singleElement().asString().contains("at least 1 characters");
        assertThat(check("{" + id + ",\"name\":\"abcdef\"}")).singleElement().asString().contains("at most 5");
        assertThat(check("{" + id + ",\"name\":\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}"))
                .as("lengths count code points, not UTF-16 units").isEmpty();
        assertThat(check("{" + id + ",\"when\":\"2026-11-23\"}")).singleElement().asString()
                .contains("not an RFC 3339 date-time");
        assertThat(check("{" + id + ",\"when\":\"2026-13-23T10:00:00Z\"}")).hasSize(1);
        assertThat(check("{\"id\":\"not-a-uuid\"}")).singleElement().asString().contains("is not an id");
        assertThat(check("{\"id\":\"3F2B8C1E-9A4D-4F6B-8E2A-1C5D7E9F0A1B\"}")).as("upper case").isEmpty();
        for (String notAnId : new String[] {"3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1", "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1bc",
                "3f2b8c1e9-a4d-4f6b-8e2a-1c5d7e9f0a1b", "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1g",
                "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1\uff41", "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a1\u0661",
                "3f2b8c1e-9a4d-4f6b-8e2a+1c5d7e9f0a1b"}) {
            assertThat(check("{\"id\":\"" + notAnId + "\"}")).as(notAnId).singleElement().asString()
                    .contains("is not an id");
        }
        assertThat(check("{" + id + ",\"color\":\"green\"}")).singleElement().asString().contains("is not one of");
        assertThat(check("{" + id + ",\"maybe\":3}")).containsExactly(
                "maybe: expected a string or null, got the integer 3");
        assertThat(check("{" + id + ",\"flag\":false}")).containsExactly("flag: must be true, not a boolean false");
        assertThat(check("{" + id + ",\"tags\":{\"a\":1}}")).singleElement().asString().startsWith("tags.a:");
        assertThat(check("{" + id + ",\"list\":[{\"x\":true},{\"y\":true}]}"))
                .containsExactly("list[1].x: is required", "list[1].y: unknown field; the allowed fields are x");
        assertThat(check("[]")).containsExactly("arguments: expected an object, got an array");
        assertThat(check("null")).containsExactly("arguments: expected an object, got null");
    }

    @Test
    void exactly_one_of_counts_the_alternatives_present() {
        ObjectNode oneOf = Schemas.object().optional("a", Schemas.bool(null)).optional("b", Schemas.bool(null))
                .exactlyOneOf("a", "b").buildTopLevel();
        assertThat(SchemaCheck.violations(oneOf, json("{\"a\":true}"))).isEmpty();
        assertThat(SchemaCheck.violations(oneOf, json("{}"))).containsExactly(
                "arguments: give exactly one of a, b, not none");
        assertThat(SchemaCheck.violations(oneOf, json("{\"a\":true,\"b\":true}"))).containsExactly(
                "arguments: give exactly one of a, b, not a and b");
    }

    @Test
    void a_keyword_outside_the_subset_is_refused_rather_than_silently_ignored() {
        ObjectNode unsupported = Schemas.string("x");
        unsupported.put("pattern", "[a-z]+");
        assertThatThrownBy(() -> SchemaCheck.violations(unsupported, json("\"abc\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern");
    }
}
