package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that declares a huge body and then sends nothing must get its answer at once, on every endpoint that
 * takes a body, and the connection closed: a server that waited for the body would hold a thread until the idle
 * timeout, here ten minutes, far beyond the test's failure bound.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HugeDeclaredBodiesTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            ConfigOverride.config("server.applicationConnectors[0].idleTimeout", "10 minutes"));

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("/mcp/oauth/token", FORM),
            Map.entry("/mcp/oauth/revoke", FORM),
            Map.entry("/mcp/oauth/register", "application/json"),
            Map.entry("/mcp", "application/json"),
            Map.entry("/login", FORM),
            Map.entry("/logout", FORM),
            Map.entry("/mcp/oauth/authorize", FORM),
            Map.entry("/settings/tokens", FORM),
            Map.entry("/settings/tokens/revoke", FORM),
            Map.entry("/settings/integrations/revoke", FORM),
            Map.entry("/settings/integrations/revoke-all", FORM),
            Map.entry("/nowhere", "application/json"));

    @Test
    void every_endpoint_answers_a_huge_declared_body_at_once_and_closes() throws Exception {
        for (Map.Entry<String, String> endpoint : new java.util.TreeMap<>(ENDPOINTS).entrySet()) {
            String head = postDeclaringOneGibibyte(endpoint.getKey(), endpoint.getValue(), null);
            assertThat(head).as(endpoint.getKey()).matches("(?s)HTTP/1\\.1 (413|401|404) .*");
            assertThat(head.toLowerCase(Locale.ROOT)).as(endpoint.getKey()).contains("connection: close");
        }
    }

    @Test
    void an_authenticated_mcp_request_declaring_a_huge_body_is_413_at_once() throws Exception {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("huge@example.com", "Huge", "correct horse battery"))).userId();
        String token = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "t", "mcp:read", null)).token();

        String head = postDeclaringOneGibibyte("/mcp", "application/json", token);

        assertThat(head).startsWith("HTTP/1.1 413 ");
        assertThat(head.toLowerCase(Locale.ROOT)).contains("connection: close");
    }

    private static String postDeclaringOneGibibyte(String path, String contentType, String bearerToken)
            throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", "application/json, text/event-stream");
        if (bearerToken != null) {
            headers.put("Authorization", "Bearer " + bearerToken);
        }
        return UnsentBody.postReadingHead(APP.getLocalPort(), path, headers, 1L << 30).head();
    }
}
