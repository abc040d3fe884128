package dev.faultline.adapters.mcp;

import dev.faultline.application.access.port.in.AuthenticateBearer.Caller;
import java.security.Principal;

/** The authenticated caller of the MCP resource, as dropwizard-auth hands it to resources. */
public record McpPrincipal(Caller caller) implements Principal {
    @Override
    public String getName() {
        return caller.user().toString();
    }
}
