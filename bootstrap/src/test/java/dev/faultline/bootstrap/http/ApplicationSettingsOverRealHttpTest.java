package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.Requester;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application's settings page on the running server: members see the DSN and the setup lines, owners create,
 * disable, enable and delete keys, form errors are 400 pages that list every problem, a member's change is a 403
 * page, and someone else's application is a 404; every answer carries the page security headers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApplicationSettingsOverRealHttpTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server();
    private static final String PASSWORD = "correct horse battery";
    private static final String OWNER = "owner@settings.example";
    private static final String MEMBER = "member@settings.example";
    private static final String STRANGER = "stranger@settings.example";
    private static Application shop;
    private static UserId owner;

    @BeforeAll
    static void applicationWithAnOwnerAndAMember() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        owner = faultline.account().createUser().createUser(CreateUser.Command.of(OWNER, "Owner", PASSWORD))
                .fold(CreateUser.Outcome.Created::userId, t -> null);
        faultline.account().createUser().createUser(CreateUser.Command.of(MEMBER, "Member", PASSWORD));
        faultline.account().createUser().createUser(CreateUser.Command.of(STRANGER, "Stranger", PASSWORD));
        shop = faultline.tracker().createApplication().createApplication(new CreateApplication.Command(
                Actor.person(owner), "Shop <Web>", new ApplicationSlug("settings-shop"), new Platform("python")))
                .fold(r -> null, CreateApplication.Outcome.Created::application, t -> null, u -> null);
        faultline.tracker().addMember().addMember(new AddMember.Command(Actor.person(owner), shop.id(),
                EmailAddress.of(MEMBER), Role.MEMBER));
    }

    private static Faultline faultline() {
        return ((FaultlineApplication) APP.getApplication()).faultline();
    }

    private static List<IngestKey> keys() {
        return faultline().intake().getIngestSetup().getIngestSetup(new GetIngestSetup.Command(Requester.operator(),
                ApplicationReference.to(shop.id()))).fold(r -> null, f -> f.setup(), n -> null).keys().stream()
                .map(GetIngestSetup.KeyDsn::key).toList();
    }

    private String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }

    private String page() {
        return url("/applications/settings-shop/settings");
    }

    private Browser signedIn(String email) {
        Browser browser = new Browser();
        browser.follow(url("/login"), url(""), forms -> {
            Browser.Form form = forms.get(0);
            form.fields().put("email", email);
            form.fields().put("password", PASSWORD);
            return form;
        });
        return browser;
    }

    private static String csrf(HttpResponse<String> page) {
        return Browser.forms(page.body()).stream().filter(f -> f.fields().containsKey("csrf")).findFirst()
                .orElseThrow().fields().get("csrf");
    }

    @Test
    void a_member_sees_the_dsn_endpoints_and_setup_lines_but_no_key_forms() {
        IngestKey key = keys().get(0);
        String ingestId = faultline().intake().getIngestSetup().getIngestSetup(new GetIngestSetup.Command(
                Requester.operator(), ApplicationReference.to(shop.id()))).fold(r -> null, f -> f.setup(), n -> null)
                .ingestId().toString();
        HttpResponse<String> response = signedIn(MEMBER).get(page());

        assertThat(response.statusCode()).isEqualTo(200);
        assertPage(response);
        String dsn = APP.getConfiguration().getPublicBaseUrl().replace("://", "://" + key.key() + "@") + "/"
                + ingestId;
        assertThat(response.body()).contains(dsn).contains("Shop &lt;Web&gt;")
                .contains("/api/" + ingestId + "/envelope/").contains("sentry_sdk.init(dsn&#61;&quot;" + dsn)
                .doesNotContain("create-key").doesNotContain("/keys/disable");
    }

    @Test
    void an_owner_creates_a_key_and_a_form_with_errors_is_a_400_page_listing_each() {
        Browser browser = signedIn(OWNER);
        HttpResponse<String> shown = browser.get(page());
        assertThat(shown.body()).contains("id=\"create-key\"");
        int before = keys().size();

        HttpResponse<String> refused = browser.post(page() + "/keys",
                Map.of("csrf", csrf(shown), "label", " ", "rate_limit", "lots"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertPage(refused);
        assertThat(refused.body()).contains("The key was not created").contains("A key&#39;s label is required.")
                .contains("The rate limit is a whole number").contains("aria-invalid");
        HttpResponse<String> tooFast = browser.post(page() + "/keys",
                Map.of("csrf", csrf(shown), "label", "Too fast", "rate_limit", "0"));
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(tooFast.body()).contains("1 to 1000000 events per minute, not 0");
        assertThat(keys()).hasSize(before);

        HttpResponse<String> created = browser.post(page() + "/keys",
                Map.of("csrf", csrf(shown), "label", "Production", "rate_limit", "600"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/applications/settings-shop/settings");
        IngestKey production = keys().stream().filter(k -> k.label().equals("Production")).findFirst().orElseThrow();
        assertThat(production.eventsPerMinute()).hasValue(600);
        HttpResponse<String> after = browser.get(page());
        assertThat(after.body()).contains("Ingest key created.").contains(production.key().value())
                .contains("600 events/min");
    }

    @Test
    void an_owner_disables_enables_and_deletes_a_key_and_the_sdk_sees_each_at_once() {
        Browser browser = signedIn(OWNER);
        HttpResponse<String> shown = browser.get(page());
        IngestKey key = faultline().intake().createIngestKey().createIngestKey(
                new dev.faultline.application.intake.port.in.CreateIngestKey.Command(Actor.person(owner),
                        ApplicationReference.to(shop.id()), "Disposable", java.util.OptionalInt.empty()))
                .fold(r -> null, c -> c.key(), n -> null, o -> null, t -> null);
        var ingestId = faultline().intake().getIngestSetup().getIngestSetup(new GetIngestSetup.Command(
                Requester.operator(), ApplicationReference.to(shop.id()))).fold(r -> null, f -> f.setup(), n -> null)
                .ingestId();
        Map<String, String> form = new HashMap<>(Map.of("csrf", csrf(shown), "key_id", key.id().toString()));

        assertThat(browser.post(page() + "/keys/disable", form).statusCode()).isEqualTo(303);
        assertThat(browser.get(page()).body()).contains("Key disabled.");
        assertThat(faultline().intake().authenticateIngestKey().authenticate(ingestId, key.key().value(),
                java.time.Instant.now())).isInstanceOf(AuthenticateIngestKey.Outcome.KeyDisabled.class);
        assertThat(browser.post(page() + "/keys/enable", form).statusCode()).isEqualTo(303);
        assertThat(faultline().intake().authenticateIngestKey().authenticate(ingestId, key.key().value(),
                java.time.Instant.now())).isInstanceOf(AuthenticateIngestKey.Outcome.Authenticated.class);
        assertThat(browser.post(page() + "/keys/delete", form).statusCode()).isEqualTo(303);
        assertThat(browser.get(page()).body()).contains("Key deleted.").doesNotContain(key.key().value());
        assertThat(browser.post(page() + "/keys/delete", form).statusCode()).isEqualTo(303);
        assertThat(browser.get(page()).body()).contains("That key does not exist (any more)");
    }

    @Test
    void a_member_changing_keys_gets_a_403_page_and_nothing_changes() {
        Browser browser = signedIn(MEMBER);
        HttpResponse<String> shown = browser.get(page());
        int before = keys().size();
        String keyId = keys().get(0).id().toString();

        HttpResponse<String> create = browser.post(page() + "/keys", Map.of("csrf", csrf(shown), "label", "Mine"));
        HttpResponse<String> disable = browser.post(page() + "/keys/disable",
                Map.of("csrf", csrf(shown), "key_id", keyId));

        for (HttpResponse<String> response : List.of(create, disable)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertPage(response);
            assertThat(response.body()).contains("Only the application&#39;s owners manage its keys");
        }
        assertThat(keys()).hasSize(before);
        assertThat(keys().get(0).enabled()).isTrue();
    }

    @Test
    void someone_elses_or_an_unknown_application_is_not_found_and_a_post_without_csrf_is_refused() {
        Browser stranger = signedIn(STRANGER);
        for (String path : List.of("/applications/settings-shop/settings", "/applications/" + shop.id()
                + "/settings", "/applications/no-such-app/settings", "/applications/Not%20A%20Slug/settings")) {
            HttpResponse<String> response = stranger.get(url(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertPage(response);
        }
        HttpResponse<String> strangerPost = stranger.post(page() + "/keys",
                Map.of("csrf", csrf(stranger.get(url("/settings/integrations"))), "label", "Mine"));
        assertThat(strangerPost.statusCode()).isEqualTo(404);
        assertPage(strangerPost);

        HttpResponse<String> noCsrf = signedIn(OWNER).post(page() + "/keys", Map.of("label", "Forged"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertPage(noCsrf);
        assertThat(keys()).noneMatch(k -> k.label().equals("Forged") || k.label().equals("Mine"));

        HttpResponse<String> anonymous = new Browser().get(page());
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow())
                .contains("/login?return_to=%2Fapplications%2Fsettings-shop%2Fsettings");
    }

    @Test
    void the_issues_page_links_each_application_to_its_settings() {
        assertThat(signedIn(MEMBER).get(url("/issues")).body())
                .contains("href=\"/applications/settings-shop/settings\"");
    }

    private static void assertPage(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).doesNotContain("Exception", "at dev.faultline", "jakarta.");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }
}
