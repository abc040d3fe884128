package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No secret reaches any log line, whatever shape the request takes, over real HTTP (raw sockets, so that the
 * request target is sent exactly as written, without a client normalising it).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogRedactionTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static CapturedLogs logs;
    private static String personalToken;
    private static URI base;

    @BeforeAll
    static void aPersonalToken() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        base = URI.create(APP.getConfiguration().getPublicBaseUrl());
        UserId user = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("log@example.com", "Lou", "correct horse battery"))).userId();
        personalToken = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "script", "mcp:read", null)).token();
        logs = CapturedLogs.everything();
    }

    @AfterAll
    static void stop() {
        logs.stopCapturing();
    }

    @Test
    void path_tricks_never_put_the_url_form_token_in_the_request_log() throws Exception {
        List<String> targets = List.of("/mcp/oauth/../" + personalToken, "//mcp/" + personalToken,
                "/mcp/" + personalToken + "/", "/mcp%2F" + personalToken, "/mcp;p=1/" + personalToken,
                "/MCP/" + personalToken, "/mcp/./" + personalToken, "/x/../mcp/" + personalToken,
                "/mcp/oauth/%2e%2e/" + personalToken, "/mcp/" + personalToken + ";jsessionid=1",
                "/mcp/" + personalToken + "?a=1");
        for (int i = 0; i < targets.size(); i++) {
            String marker = "trick-" + i;
            raw("POST " + targets.get(i) + (targets.get(i).contains("?") ? "&" : "?") + "m=" + marker
                    + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            logs.await(line -> line.contains("m=" + marker), "for " + marker);
        }

        assertThat(String.join("\n", logs.lines())).doesNotContain(personalToken)
                .doesNotContain(personalToken.substring("flt_pat_".length()));
    }

    @Test
    void a_form_post_with_secrets_in_its_query_string_logs_none_of_them() throws Exception {
        String code = "flt_ac_querycode0123456789";
        String secret = "opaque-secret-0123456789";
        raw("POST /mcp/oauth/token?grant_type=authorization_code&code=" + code + "&client_secret=" + secret
                + "&m=form-query HTTP/1.1\r\nHost: " + base.getAuthority()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        logs.await(line -> line.contains("m=form-query"), "for the form POST");

        assertThat(String.join("\n", logs.lines())).doesNotContain(code).doesNotContain(secret)
                .doesNotContain("querycode0123456789");
    }

    /** Sends {@code request} byte for byte and reads the whole response (the server closes the connection). */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
