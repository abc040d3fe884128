package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text no e-mail address can contain, in the sign-in form (on its own and as the sign-in step of an authorization
 * request), gets the form's precise 400 over real HTTP, with the pages' security headers, and changes nothing:
 * it never reaches PostgreSQL (a NUL there was a 500 with a stack trace), is never stripped and signed in.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInInputTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server();
    private static final String PASSWORD = "correct horse battery staple";
    private static final java.util.Set<String> NOT_UTF8 = java.util.Set.of("ada%ED%A0%80%40example.org",
            "ada%40example.org%ED%B0%80", "ada%FF%40example.org");

    @BeforeAll
    static void aPersonWithAnAccount() {
        faultline().account().createUser().createUser(CreateUser.Command.of("ada@example.org", "Ada", PASSWORD));
    }

    private static Faultline faultline() {
        return ((FaultlineApplication) APP.getApplication()).faultline();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada%00%40example.org", "ada%40example.org%00", "%00", "ada%07%40example.org",
            "ada%40example.org%0A", "ada%1F%40example.org", "ada%C2%85%40example.org", "ada%ED%A0%80%40example.org",
            "ada%40example.org%ED%B0%80", "ada%EF%BF%BD%40example.org", "ada%FF%40example.org"})
    void unusableCharactersInTheEmailGetThe400FormErrorAndChangeNothing(String rawEmail) {
        List<Integer> before = rowCounts();
        for (String returnTo : new String[] {null, "/mcp/oauth/authorize?client_id=c&state=s"}) {
            HttpResponse<String> response = new SignInForm(APP.getLocalPort()).signInRaw(rawEmail, PASSWORD, returnTo);

            assertThat(response.statusCode()).as(rawEmail).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            if (NOT_UTF8.contains(rawEmail)) {
                // Bytes no browser sends: the form is refused before it is parsed, like every page form's.
                assertThat(response.body()).contains("This form can&#39;t be read").doesNotContain("\uFFFD");
            } else {
                assertThat(response.body()).contains("<h1>Sign in</h1>").contains("role=\"alert\"")
                        .containsAnyOf("an e-mail address must not contain control characters.",
                                "an e-mail address must be well-formed Unicode text")
                        .doesNotContain("\u0000").doesNotContain("\uFFFD");
            }
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("faultline_session"));
        }
        assertThat(rowCounts()).as("users, sign-in failures, browser sessions").isEqualTo(before);
    }

    private static List<Integer> rowCounts() {
        return faultline().database().jdbi().withHandle(handle -> List.of(
                handle.createQuery("SELECT count(*) FROM users").mapTo(Integer.class).one(),
                handle.createQuery("SELECT count(*) FROM sign_in_failures").mapTo(Integer.class).one(),
                handle.createQuery("SELECT count(*) FROM browser_sessions").mapTo(Integer.class).one()));
    }
}
