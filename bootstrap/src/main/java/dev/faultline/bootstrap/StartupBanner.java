package dev.faultline.bootstrap;

import dev.faultline.bootstrap.config.DemoLoginFile;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/** Tells the person who started Faultline where to go: the web address, the MCP URL, the demo login. */
final class StartupBanner {
    private StartupBanner() {
    }

    static void print(FaultlineConfiguration configuration, Server server) {
        StringBuilder banner = new StringBuilder("\n")
                .append("  Faultline is running.\n")
                .append("    Sign in:       ").append(configuration.getPublicBaseUrl()).append("/login\n")
                .append("    Integrations:  ").append(configuration.getPublicBaseUrl()).append("/settings/integrations\n")
                .append("    Issues:        ").append(configuration.getPublicBaseUrl()).append("/issues\n")
                .append("    MCP endpoint:  ").append(configuration.mcpResource()).append('\n')
                .append("    Send crashes:  ").append(configuration.getIngest().baseUrl(configuration.getPublicBaseUrl()))
                .append("/api/<ingest id>/envelope/ (DSNs: each application's settings page)\n");
        for (var connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network && "admin".equals(network.getName())) {
                banner.append("    Health:        http://localhost:").append(network.getLocalPort()).append("/healthcheck\n");
            }
        }
        demoLogin(configuration).ifPresent(login -> banner.append("    Demo login:    ").append(login).append('\n'));
        System.out.println(banner);
    }

    private static java.util.Optional<String> demoLogin(FaultlineConfiguration configuration) {
        Path file = DemoLoginFile.location(configuration);
        try {
            return Files.exists(file) ? java.util.Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
