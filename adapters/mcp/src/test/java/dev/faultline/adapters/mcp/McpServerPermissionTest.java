package dev.faultline.adapters.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.application.access.port.in.AuthenticateBearer.Caller;
import dev.faultline.application.access.port.in.AuthenticateBearer.Grant;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Permission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The endpoint decides no permission itself: the tool's use case does, and a refusal it reports becomes the 403
 * step-up, whatever the endpoint's own early check let through.
 */
class McpServerPermissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tool whose use case refuses everyone, though it declares it needs only read access. */
    private static final class RefusingTool implements McpTool {
        final AtomicReference<Actor> calledWith = new AtomicReference<>();

        @Override
        public String name() {
            return "refusing";
        }

        @Override
        public String title() {
            return "Refusing";
        }

        @Override
        public String description() {
            return "Refuses.";
        }

        @Override
        public ObjectNode inputSchema() {
            return JSON.createObjectNode().put("type", "object");
        }

        @Override
        public ObjectNode outputSchema() {
            return JSON.createObjectNode().put("type", "object");
        }

        @Override
        public ToolAnnotations annotations() {
            return new ToolAnnotations(true, false, true);
        }

        @Override
        public Permission requiredPermission() {
            return Permission.READ;
        }

        @Override
        public ToolResult call(Actor actor, JsonNode arguments) {
            calledWith.set(actor);
            return ToolResult.notPermitted(Permission.WRITE, "refused");
        }
    }

    private final RefusingTool tool = new RefusingTool();
    private final McpServer server = new McpServer(List.of(tool), "test", 50);
    private final UserId ada = UserId.random();
    private final Caller oauthReader = new Caller(ada, Scopes.READ_ONLY,
            new Grant.OAuth(new ClientId("client-1"), ChainId.random()));

    private JsonNode call() throws Exception {
        return JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"refusing\"}}");
    }

    @Test
    void a_refusal_by_the_use_case_is_the_step_up_challenge() throws Exception {
        assertThat(server.handle(call(), oauthReader)).isEqualTo(new McpReply.InsufficientScope("refusing", true));
        assertThat(tool.calledWith.get()).isEqualTo(new Actor(ada, Set.of(Permission.READ)));
    }

    @Test
    void the_early_check_uses_the_permission_the_tool_declares_and_the_scopes_grant() throws Exception {
        Caller writerOnly = new Caller(ada, Scopes.parse("mcp:write", Scopes.READ_ONLY),
                new Grant.OAuth(new ClientId("client-1"), ChainId.random()));
        assertThat(server.stepUpNeeded(call(), writerOnly)).contains(new McpReply.InsufficientScope("refusing", true));
        assertThat(server.stepUpNeeded(call(), oauthReader)).isEmpty();
        assertThat(tool.calledWith.get()).isNull();
    }
}
