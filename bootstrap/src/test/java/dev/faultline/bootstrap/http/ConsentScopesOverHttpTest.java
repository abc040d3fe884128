package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consent per scope over real HTTP, form posts as a browser sends them: the code and the token response's
 * {@code scope} carry exactly what the person ticked (less, or more, than requested), nothing ticked is a 400
 * form error, and a box for a scope the request did not offer is refused by name. Nothing refused is issued.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsentScopesOverHttpTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress();
    private static final String EMAIL = "cora@example.com";
    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void createPerson() {
        ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Cora", PASSWORD));
    }

    private static String issuer() {
        return APP.getConfiguration().getPublicBaseUrl();
    }

    @Test
    void ticking_only_read_of_a_read_and_write_request_gives_a_read_only_token_that_says_so() {
        OAuthClient client = OAuthClient.registerPublic(issuer());
        Browser browser = new Browser();

        JsonNode tokens = OAuthClient.tokens(client.exchange(
                client.authorize(browser, EMAIL, PASSWORD, "mcp:read mcp:write", "mcp:read")));

        assertThat(tokens.path("scope").asText()).isEqualTo("mcp:read");
        HttpResponse<String> write = client.callTool("/mcp", tokens.path("access_token").asText(), "resolve_issue",
                "{\"issue_id\":\"00000000-0000-4000-8000-000000000000\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        String integrations = browser.get(issuer() + "/settings/integrations").body();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr data-client-id=\"" + client.clientId()
                + "\".*?</tr>", java.util.regex.Pattern.DOTALL).matcher(integrations);
        assertThat(row.find()).as("the integration's row on My Integrations").isTrue();
        assertThat(row.group()).contains("Read only<br><code class=\"muted\">mcp:read</code>");
    }

    @Test
    void ticking_the_offered_write_on_a_read_request_grants_more_than_requested_and_the_response_says_so() {
        OAuthClient client = OAuthClient.registerPublic(issuer());

        JsonNode tokens = OAuthClient.tokens(client.exchange(
                client.authorize(new Browser(), EMAIL, PASSWORD, "mcp:read", "mcp:read mcp:write")));

        assertThat(tokens.path("scope").asText()).isEqualTo("mcp:read mcp:write");
    }

    @Test
    void approving_as_the_page_renders_it_grants_read_only_of_a_read_and_write_request() {
        OAuthClient client = OAuthClient.registerPublic(issuer());
        Browser browser = signedIn();
        Browser.Form consent = consentForm(browser, client, "mcp:read mcp:write");
        assertThat(consent.fields()).containsEntry("grant:mcp:read", "yes").doesNotContainKey("grant:mcp:write");

        HttpResponse<String> approved = approve(browser, consent.fields());

        assertThat(approved.statusCode()).isEqualTo(303);
        String code = approved.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]*).*", "$1");
        assertThat(OAuthClient.tokens(client.exchange(code)).path("scope").asText()).isEqualTo("mcp:read");
    }

    @Test
    void approving_with_no_box_ticked_is_a_400_form_error_and_issues_no_code() {
        OAuthClient client = OAuthClient.registerPublic(issuer());
        Browser browser = signedIn();
        Map<String, String> fields = new LinkedHashMap<>(consentForm(browser, client, "mcp:read mcp:write").fields());
        fields.keySet().removeIf(name -> name.startsWith("grant:"));

        HttpResponse<String> refused = approve(browser, fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("<h1>Choose what to allow</h1>").contains("Nothing was ticked");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void a_box_smuggled_in_for_a_scope_the_request_did_not_offer_is_refused_by_name() {
        OAuthClient client = OAuthClient.registerPublic(issuer());
        Browser browser = signedIn();
        Map<String, String> fields = new LinkedHashMap<>(consentForm(browser, client, "mcp:write").fields());
        assertThat(fields).containsEntry("grant:mcp:write", "yes").doesNotContainKey("grant:mcp:read");
        fields.put("grant:mcp:read", "yes");

        HttpResponse<String> refused = approve(browser, fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("asked to allow &quot;mcp:read&quot;, which this request did not offer"
                + " (it offered mcp:write)");
    }

    private Browser signedIn() {
        Browser browser = new Browser();
        Map<String, String> form = new LinkedHashMap<>(Browser.forms(browser.get(issuer() + "/login").body()).get(0).fields());
        form.put("email", EMAIL);
        form.put("password", PASSWORD);
        assertThat(browser.post(issuer() + "/login", form).statusCode()).isEqualTo(303);
        return browser;
    }

    private Browser.Form consentForm(Browser browser, OAuthClient client, String scope) {
        HttpResponse<String> page = browser.get(client.authorizationUrl(scope));
        assertThat(page.statusCode()).isEqualTo(200);
        List<Browser.Form> forms = Browser.forms(page.body());
        return forms.stream().filter(f -> f.action().equals("/mcp/oauth/authorize")).findFirst().orElseThrow();
    }

    private HttpResponse<String> approve(Browser browser, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("decision", "approve");
        return browser.post(issuer() + "/mcp/oauth/authorize", form);
    }
}
