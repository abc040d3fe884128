package dev.faultline.adapters.mcp;

import dev.faultline.adapters.http.outage.OutageAnswer;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The MCP endpoint answers an outage with a JSON-RPC error (code {@value #UNAVAILABLE}, a server error) and never
 * logs its path, which may carry a personal token.
 */
public final class McpOutageAnswer implements OutageAnswer {
    static final int UNAVAILABLE = -32000;

    @Override
    public boolean covers(ResourceInfo resource) {
        return OutageAnswer.marked(resource, McpEndpoint.class);
    }

    @Override
    public Response answer(Response.ResponseBuilder unavailable, String retry) {
        return unavailable.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(JsonRpc.error(null, UNAVAILABLE, "Faultline's database is unavailable; " + retry).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @Override
    public String logLabel(String path) {
        return "/mcp";
    }
}
