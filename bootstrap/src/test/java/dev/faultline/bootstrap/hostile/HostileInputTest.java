package dev.faultline.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.demo.DemoSeeder;
import dev.faultline.bootstrap.http.Browser;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Hundreds of hostile requests against the real server on a random port, with its real filters and the demo data.
 * Every answer must be the documented status in the surface's documented form, say nothing about the server's
 * insides, and change nothing in the database; afterwards no log line may hold a secret or a stack trace.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileInputTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            ConfigOverride.config("registration.perAddress", "100000"));
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static final Pattern INSIDES = Pattern.compile(
            "(?:\\b(?:java|javax|jakarta|sun|com\\.fasterxml|org\\.glassfish|org\\.eclipse|org\\.jdbi|org\\.postgresql"
                    + "|io\\.dropwizard|dev\\.faultline)\\.[a-z]+\\.|Exception\\b|\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+)");
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope", "invalid_target",
            "invalid_client_metadata", "invalid_redirect_uri", "unsupported_token_type", "temporarily_unavailable");
    private static final List<String> PAGE_HEADERS = List.of("X-Frame-Options", "Content-Security-Policy",
            "Referrer-Policy", "X-Content-Type-Options", "Cache-Control");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HostileCatalogue.World world;
    private static List<String> secrets;
    private static Jdbi jdbi;
    private static Map<String, String> lastDigest;

    @BeforeAll
    static void aServerWithDemoDataASignedInBrowserAndTokens() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        jdbi = faultline.database().jdbi();
        DemoSeeder.Seeded demo = new DemoSeeder(faultline).seed().orElseThrow();
        UserId user = jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = :e")
                .bind("e", demo.email()).mapTo(UUID.class).map(UserId::new).one());
        String read = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "read", "mcp:read", null)).token();
        String write = faultline.personalTokens().create().create(
                CreatePersonalToken.Command.of(user, "write", "mcp:read mcp:write", null)).token();
        String issueId = jdbi.withHandle(h -> h.createQuery("SELECT id::text FROM issues ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
        String clientId = registerClient();
        SignedIn signedIn = signIn(demo.email(), demo.password());
        world = new HostileCatalogue.World(signedIn.cookies(), signedIn.csrf(), read, write, issueId, clientId);
        secrets = new ArrayList<>(List.of(read, write, demo.password(), signedIn.csrf()));
        signedIn.cookieValues().forEach(secrets::add);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((Logger) LoggerFactory.getLogger("faultline.requests")).setLevel(Level.INFO);
        LOG.start();
        root.addAppender(LOG);
        lastDigest = DatabaseDigest.of(jdbi);
    }

    @AfterAll
    static void noLogLineHoldsASecretOrAStackTrace() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        List<String> lines;
        synchronized (LOG) {
            lines = LOG.list.stream().map(event -> event.getLevel() + " " + event.getLoggerName() + " "
                    + event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()))).toList();
        }
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
            assertThat(line).as("a log line").doesNotStartWith("ERROR").doesNotContain("\tat ");
        }
    }

    @TestFactory
    Stream<DynamicTest> every_hostile_request_gets_its_documented_answer_and_changes_nothing() {
        return HostileCatalogue.all(world).stream().map(c -> DynamicTest.dynamicTest(c.describe(), () -> check(c)));
    }

    private static void check(HostileCase hostile) {
        RawHttp.Response response = RawHttp.send(APP.getLocalPort(), hostile.method(), hostile.target(),
                hostile.headers(), hostile.body());
        String what = hostile.describe() + " -> " + response.status() + " " + RawHttp.printable(response.body());
        Map<String, String> before = lastDigest;
        lastDigest = DatabaseDigest.of(jdbi);
        assertThat(lastDigest).as("database after " + what).isEqualTo(before);

        assertThat(response.status()).as(what).isLessThan(500).isIn(hostile.expected());
        if (response.status() >= 400) {
            assertThat(response.body()).as(what).doesNotContainPattern(INSIDES);
        }
        switch (hostile.surface()) {
            case PAGE -> assertPage(response, what);
            case OAUTH -> assertOAuth(response, what);
            case MCP -> assertMcp(response, what);
            case DOCUMENT -> assertJson(response, what);
            case ANY -> {
                if (response.status() >= 400 && response.rawBody().length > 0) {
                    assertThat(response.header("Content-Type").orElse("")).as(what)
                            .matches("(application/json|text/html;charset=utf-8).*");
                }
            }
        }
    }

    private static void assertPage(RawHttp.Response response, String what) {
        for (String header : PAGE_HEADERS) {
            assertThat(response.header(header)).as(header + " of " + what).isPresent();
        }
        if (response.rawBody().length > 0) {
            assertThat(response.header("Content-Type").orElse("")).as(what).startsWith("text/html;charset=utf-8");
        }
    }

    private static void assertOAuth(RawHttp.Response response, String what) {
        if (response.status() == 200) {
            return;
        }
        JsonNode body = assertJson(response, what);
        assertThat(body.path("error").asText()).as(what).isIn(OAUTH_ERRORS);
    }

    private static void assertMcp(RawHttp.Response response, String what) {
        if (response.rawBody().length == 0) {
            assertThat(response.status()).as(what).isIn(401, 403);
            return;
        }
        JsonNode body = assertJson(response, what);
        if (response.status() == 200) {
            for (JsonNode reply : body.isArray() ? body : List.of(body)) {
                if (reply.has("error")) {
                    assertThat(reply.path("error").path("message").asText()).as(what).doesNotContainPattern(INSIDES);
                } else if (reply.path("result").path("isError").asBoolean()) {
                    assertThat(reply.path("result").path("content").toString()).as(what).doesNotContainPattern(INSIDES);
                }
            }
        }
    }

    private static JsonNode assertJson(RawHttp.Response response, String what) {
        assertThat(response.header("Content-Type").orElse("")).as(what).matches("application/(json|jwk-set\\+json).*");
        try {
            return JSON.readTree(response.rawBody());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + what, e);
        }
    }

    private static String registerClient() {
        RawHttp.Response response = RawHttp.send(APP.getLocalPort(), "POST", "/mcp/oauth/register",
                List.of(Map.entry("Content-Type", "application/json")),
                "{\"client_name\":\"hostile\",\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"token_endpoint_auth_method\":\"none\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(201);
        try {
            return JSON.readTree(response.rawBody()).path("client_id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private record SignedIn(String cookies, List<String> cookieValues, String csrf) {
    }

    private static SignedIn signIn(String email, String password) {
        int port = APP.getLocalPort();
        RawHttp.Response form = RawHttp.send(port, "GET", "/login", List.of(), null);
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        collectCookies(form, cookies);
        String loginCsrf = Browser.forms(form.body()).get(0).fields().get("csrf");
        RawHttp.Response signedIn = RawHttp.send(port, "POST", "/login", List.of(
                        Map.entry("Content-Type", "application/x-www-form-urlencoded"),
                        Map.entry("Cookie", cookieHeader(cookies))),
                ("email=" + enc(email) + "&password=" + enc(password) + "&csrf=" + enc(loginCsrf))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        collectCookies(signedIn, cookies);
        RawHttp.Response page = RawHttp.send(port, "GET", "/settings/integrations",
                List.of(Map.entry("Cookie", cookieHeader(cookies))), null);
        assertThat(page.status()).isEqualTo(200);
        String csrf = Browser.forms(page.body()).stream().map(f -> f.fields().get("csrf"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        return new SignedIn(cookieHeader(cookies), List.copyOf(cookies.values()), csrf);
    }

    private static void collectCookies(RawHttp.Response response, Map<String, String> cookies) {
        for (String setCookie : response.all("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
