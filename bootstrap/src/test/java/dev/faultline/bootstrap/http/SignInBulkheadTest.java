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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bulkhead in front of Argon2id over real HTTP: with one password check allowed at once and that one held in
 * the hasher, a second sign-in gets the form's 503 with Retry-After at once (after the bounded wait), checks no
 * password and counts no failure; once the first finishes, sign-in works again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInBulkheadTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            CountingHasherFaultline.class,
            ConfigOverride.config("signIn.maxConcurrentPasswordChecks", "1"),
            ConfigOverride.config("signIn.passwordCheckWait", "50ms"));
    private static final String PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void people() {
        for (String email : new String[] {"held@example.org", "second@example.org"}) {
            ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                    .createUser(CreateUser.Command.of(email, "Someone", PASSWORD));
        }
    }

    @Test
    void a_second_concurrent_sign_in_gets_503_with_retry_after_and_checks_nothing() throws Exception {
        SignInForm first = new SignInForm(APP.getLocalPort());
        SignInForm second = new SignInForm(APP.getLocalPort());
        CountDownLatch holding = CountingHasherFaultline.holdChecks(1);
        CompletableFuture<HttpResponse<String>> held;
        HttpResponse<String> busy;
        int checksWhileBusy;
        try {
            held = CompletableFuture.supplyAsync(() -> first.signIn("held@example.org", PASSWORD));
            assertThat(holding.await(60, TimeUnit.SECONDS)).as("the first check is under way").isTrue();
            int checksBefore = CountingHasherFaultline.CHECKS.get();

            busy = second.signIn("second@example.org", PASSWORD);
            checksWhileBusy = CountingHasherFaultline.CHECKS.get() - checksBefore;
        } finally {
            CountingHasherFaultline.releaseChecks();
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        assertThat(busy.body()).contains("<h1>Sign in</h1>").contains("your password was not checked");
        assertThat(busy.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(busy.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("faultline_session"));
        assertThat(checksWhileBusy).as("no password checked for the refused sign-in").isZero();
        int failures = ((FaultlineApplication) APP.getApplication()).faultline().database().jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM sign_in_failures WHERE email = 'second@example.org'")
                        .mapTo(Integer.class).one());
        assertThat(failures).as("the refused sign-in counted no failure").isZero();

        assertThat(held.get(60, TimeUnit.SECONDS).statusCode()).as("the held sign-in completes").isEqualTo(303);
        assertThat(second.signIn("second@example.org", PASSWORD).statusCode()).as("a free slot again").isEqualTo(303);
    }
}
