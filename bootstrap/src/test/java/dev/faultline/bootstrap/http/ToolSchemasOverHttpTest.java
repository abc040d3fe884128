package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.demo.DemoSeeder;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, item 9 over real HTTP with the demo data: every schema {@code tools/list} serves is valid JSON Schema
 * 2020-12 (the meta-schema, checked by an independent validator) without {@code type} arrays, and every tool's
 * real {@code structuredContent} conforms to its {@code outputSchema}, formats asserted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ToolSchemasOverHttpTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final SchemaRegistry STRICT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));
    private static final Schema META_SCHEMA = STRICT.getSchema(SchemaLocation.of(
            "https://json-schema.org/draft/2020-12/schema"));
    private static OAuthClient client;
    private static String writeToken;
    private static Map<String, JsonNode> tools;

    @BeforeAll
    static void demoDataAndTheToolList() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        Jdbi jdbi = faultline.database().jdbi();
        DemoSeeder.Seeded demo = new DemoSeeder(faultline).seed().orElseThrow();
        UserId user = jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = :e")
                .bind("e", demo.email()).mapTo(UUID.class).map(UserId::new).one());
        writeToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "write", "mcp:read mcp:write", null)).token();
        client = OAuthClient.registerPublic(APP.getConfiguration().getPublicBaseUrl());
        HttpResponse<String> list = client.mcp("/mcp", writeToken, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        tools = new HashMap<>();
        OAuthClient.json(list.body()).path("result").path("tools").forEach(t -> tools.put(t.path("name").asText(), t));
    }

    @Test
    void every_served_schema_is_valid_2020_12_without_type_arrays() {
        assertThat(tools).hasSize(12);
        tools.forEach((name, tool) -> {
            for (String which : List.of("inputSchema", "outputSchema")) {
                JsonNode schema = tool.path(which);
                assertThat(META_SCHEMA.validate(schema)).as("%s %s", name, which).isEmpty();
                assertThat(schema.findValues("type")).as("%s %s", name, which).allSatisfy(type ->
                        assertThat(type.isTextual() || type.isObject()).as("a type array in " + name).isTrue());
            }
        });
    }

    @Test
    void every_tools_structured_content_conforms_to_its_output_schema() {
        JsonNode issues = conforming("list_issues", "{\"limit\":50}");
        JsonNode applications = conforming("list_applications", "{}");
        for (JsonNode application : applications.path("applications")) {
            JsonNode setup = conforming("get_ingest_setup",
                    "{\"application\":\"" + application.path("slug").asText() + "\"}");
            assertThat(setup.path("dsns")).as("the demo's applications have their Default key").isNotEmpty();
        }
        JsonNode withEvents = null;
        for (JsonNode issue : issues.path("issues")) {
            JsonNode full = conforming("get_issue", "{\"issue_id\":\"" + issue.path("id").asText() + "\"}");
            if (withEvents == null && !full.path("latest_event").isNull()) {
                withEvents = issue;
            }
        }
        assertThat(withEvents).as("the demo data has an issue with events").isNotNull();
        String issueId = withEvents.path("id").asText();
        JsonNode events = conforming("list_events", "{\"issue_id\":\"" + issueId + "\"}");
        for (JsonNode event : events.path("events")) {
            conforming("get_event", "{\"event_id\":\"" + event.path("id").asText() + "\"}");
        }
        String issue = "{\"issue_id\":\"" + issueId + "\"";
        if (!withEvents.path("status").asText().equals("unresolved")) {
            conforming("reopen_issue", issue + "}");
        }
        conforming("resolve_issue", issue + "}");
        conforming("reopen_issue", issue + "}");
        conforming("mute_issue", issue + ",\"events\":5}");
        conforming("assign_issue", issue + ",\"assignee\":\"" + DemoSeeder.DEMO_EMAIL + "\"}");
        conforming("assign_issue", issue + ",\"assignee\":null}");
        JsonNode added = conforming("add_note", issue + ",\"body\":\"checked\"}");
        conforming("delete_note", "{\"note_id\":\"" + added.path("note").path("id").asText() + "\"}");
    }

    private static JsonNode conforming(String tool, String arguments) {
        HttpResponse<String> response = client.callTool("/mcp", writeToken, tool, arguments);
        JsonNode result = OAuthClient.json(response.body()).path("result");
        assertThat(result.path("isError").asBoolean(true)).as("%s %s: %s", tool, arguments, response.body()).isFalse();
        JsonNode content = result.path("structuredContent");
        Schema output = STRICT.getSchema(tools.get(tool).path("outputSchema"));
        assertThat(output.validate(content)).as("%s structuredContent against its outputSchema", tool).isEmpty();
        return content;
    }
}
