package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole flow over real HTTP with request logging on and every logger at INFO (as shipped): register a
 * confidential client, sign in, approve, exchange the code, refresh, create a personal token on My Integrations,
 * call MCP with the access token in the header and the personal token in the URL, revoke. Every secret issued or
 * typed on the way is collected; none may appear in any log line (any logger, any level let through) nor, in
 * clear, in any column of any table.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecretsTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            ConfigOverride.config("logging.level", "INFO"));
    private static final String EMAIL = "sam@example.com";
    private static final String PASSWORD = "a password nobody may ever read 42";
    private static final Pattern PERSONAL_TOKEN = Pattern.compile("flt_pat_[0-9A-Za-z]+");
    private static CapturedLogs logs;
    private static String issuer;
    private static Faultline faultline;

    @BeforeAll
    static void aPersonAndLogCapture() {
        faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        issuer = APP.getConfiguration().getPublicBaseUrl();
        faultline.account().createUser().createUser(CreateUser.Command.of(EMAIL, "Sam", PASSWORD));
        logs = CapturedLogs.everything();
    }

    @AfterAll
    static void stop() {
        logs.stopCapturing();
    }

    @Test
    void no_secret_of_a_whole_flow_reaches_a_log_line_or_a_table_in_clear() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("password", PASSWORD);
        OAuthClient client = OAuthClient.registerConfidential(issuer);
        secrets.put("client secret", client.clientSecret());
        Browser browser = new Browser();
        String code = client.authorize(browser, EMAIL, PASSWORD, "mcp:read mcp:write");
        secrets.put("authorization code", code);
        JsonNode first = OAuthClient.tokens(client.exchange(code));
        secrets.put("access token 1", first.path("access_token").asText());
        secrets.put("refresh token 1", first.path("refresh_token").asText());
        JsonNode second = OAuthClient.tokens(client.refresh(first.path("refresh_token").asText()));
        secrets.put("access token 2", second.path("access_token").asText());
        secrets.put("refresh token 2", second.path("refresh_token").asText());

        HttpResponse<String> page = browser.get(issuer + "/settings/integrations");
        assertThat(page.statusCode()).isEqualTo(200);
        Browser.Form create = Browser.forms(page.body()).stream()
                .filter(form -> form.action().endsWith("/settings/tokens")).findFirst().orElseThrow();
        secrets.put("csrf token", create.fields().get("csrf"));
        Map<String, String> fields = new LinkedHashMap<>(create.fields());
        fields.put("title", "secrets test");
        fields.put("scope", "mcp:read");
        fields.put("expires_in", "90");
        HttpResponse<String> created = browser.post(issuer + "/settings/tokens", fields);
        String shown = created.body();
        if (created.headers().firstValue("Location").isPresent()) {
            shown = browser.get(URI.create(issuer).resolve(created.headers().firstValue("Location").get()).toString())
                    .body();
        }
        Matcher personal = PERSONAL_TOKEN.matcher(shown);
        assertThat(personal.find()).as("the new personal token is shown once").isTrue();
        secrets.put("personal token", personal.group());
        List<String> cookies = browser.cookieValues();
        assertThat(cookies).isNotEmpty();
        for (int i = 0; i < cookies.size(); i++) {
            secrets.put("cookie " + i, cookies.get(i));
        }

        assertThat(client.callTool("/mcp", secrets.get("access token 2"), "list_applications", "{}").statusCode())
                .isEqualTo(200);
        assertThat(client.callTool("/mcp/" + secrets.get("personal token"), null, "list_applications", "{}")
                .statusCode()).isEqualTo(200);
        assertThat(client.revoke(secrets.get("refresh token 2")).statusCode()).isEqualTo(200);
        logs.await(line -> line.contains("POST /mcp/oauth/revoke"), "for the revocation");

        List<String> lines = logs.lines();
        assertThat(lines).as("request logging is on").anySatisfy(line -> assertThat(line).contains("/mcp/***"));
        String tables = dumpOfEveryTable();
        List<String> leaks = new ArrayList<>();
        secrets.forEach((name, value) -> {
            assertThat(value).as(name).isNotBlank();
            for (String line : lines) {
                if (line.contains(value)) {
                    leaks.add(name + " in log line: " + line);
                }
            }
            if (tables.contains(value)) {
                leaks.add(name + " in clear in a table");
            }
        });
        assertThat(leaks).isEmpty();
    }

    /** Every row of every table of the application's schema, as text. */
    private static String dumpOfEveryTable() {
        return faultline.database().jdbi().withHandle(handle -> {
            List<String> tables = handle.createQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')").mapTo(String.class).list();
            assertThat(tables).hasSizeGreaterThan(5);
            StringBuilder dump = new StringBuilder();
            for (String table : tables) {
                handle.createQuery("SELECT t::text FROM " + table + " t").mapTo(String.class)
                        .forEach(row -> dump.append(table).append(": ").append(row).append('\n'));
            }
            return dump.toString();
        });
    }
}
