package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Password spraying over real HTTP: wrong passwords at many different accounts from one client address hit the
 * per-address limit (at the limit still checked, one past it refused with the page's 429 and Retry-After, for the
 * right password too), while another client address is unaffected. Behind the one trusted proxy
 * ({@code registration.trustForwardedFor}) the client address is the one the proxy appended.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInSprayingTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            CountingHasherFaultline.class,
            ConfigOverride.config("signIn.failuresPerClientAddress", "3"),
            ConfigOverride.config("signIn.clientAddressWindow", "15m"),
            ConfigOverride.config("registration.trustForwardedFor", "true"));
    private static final String PASSWORD = "correct horse battery staple";
    private static final String SPRAYER = "203.0.113.66";

    @BeforeAll
    static void aPersonWithAnAccount() {
        ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of("ada@example.org", "Ada", PASSWORD));
    }

    @Test
    void wrong_passwords_at_many_accounts_from_one_address_hit_its_limit() {
        SignInForm form = new SignInForm(APP.getLocalPort());
        String ada = SignInForm.encode("ada@example.org");

        assertThat(form.signInFrom("10.0.0.1, " + SPRAYER, ada, PASSWORD, null).statusCode())
                .as("a success from there counts nothing").isEqualTo(303);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> wrong = form.signInFrom(SPRAYER, SignInForm.encode("victim" + i + "@example.org"),
                    "Summer2026!", null);
            assertThat(wrong.statusCode()).as("failure %d of 3", i).isEqualTo(401);
        }
        int checks = CountingHasherFaultline.CHECKS.get();

        HttpResponse<String> refused = form.signInFrom(SPRAYER, SignInForm.encode("victim4@example.org"),
                "Summer2026!", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 15 * 60L));
        assertThat(refused.body()).contains("<h1>Sign in</h1>")
                .contains("Too many failed sign-ins from your network, for any account.");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(form.signInFrom(SPRAYER, ada, PASSWORD, null).statusCode())
                .as("the right password from there, too").isEqualTo(429);
        assertThat(CountingHasherFaultline.CHECKS.get()).as("no password checked once refused").isEqualTo(checks);
        int victim4 = ((FaultlineApplication) APP.getApplication()).faultline().database().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM sign_in_failures WHERE email = 'victim4@example.org'")
                .mapTo(Integer.class).one());
        assertThat(victim4).as("the refused attempt counted against no account").isZero();

        assertThat(form.signInFrom("198.51.100.20", SignInForm.encode("victim4@example.org"), "Summer2026!", null)
                .statusCode()).as("another client address").isEqualTo(401);
        assertThat(form.signInFrom("198.51.100.20", ada, PASSWORD, null).statusCode()).isEqualTo(303);
    }
}
