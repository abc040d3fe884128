package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.wiring.Faultline;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A parallel burst of wrong passwords at one account, over real HTTP against the running server: the throttle
 * holds whatever the concurrency (at most the configured number of passwords checked, counted at the hasher), nothing fails with a 5xx,
 * and the right password afterwards is refused while the account is locked.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInBurstTest {
    /** Room for every request of the burst at once, so that no answer can be a 503 and the count is exact. */
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server(
            CountingHasherFaultline.class,
            ConfigOverride.config("signIn.maxConcurrentPasswordChecks", "64"),
            ConfigOverride.config("signIn.passwordCheckWait", "10s"),
            ConfigOverride.config("signIn.failuresPerClientAddress", "1000"),
            ConfigOverride.config("signIn.failuresPerAccount", String.valueOf(SignInBurstTest.MAX_FAILURES)));
    private static final String EMAIL = "burst@example.org";
    private static final String PASSWORD = "correct horse battery staple";
    private static final int BURST = 40;
    /** Not the default (5), so the test also proves the configured number is the one that holds. */
    static final int MAX_FAILURES = 4;

    @BeforeAll
    static void aPersonWithAnAccount() {
        faultline().account().createUser().createUser(CreateUser.Command.of(EMAIL, "Burst", PASSWORD));
    }

    private static Faultline faultline() {
        return ((FaultlineApplication) APP.getApplication()).faultline();
    }

    @Test
    void forty_concurrent_wrong_passwords_check_at_most_the_configured_number_and_the_right_one_is_then_refused() throws Exception {
        List<SignInForm> browsers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            browsers.add(new SignInForm(APP.getLocalPort()));
        }
        int checksBefore = CountingHasherFaultline.CHECKS.get();
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch ready = new CountDownLatch(BURST);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                SignInForm browser = browsers.get(i);
                String wrong = "wrong password number " + i;
                responses.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return browser.signIn(EMAIL, wrong);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get(120, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        int checks = CountingHasherFaultline.CHECKS.get() - checksBefore;

        assertThat(byStatus.keySet()).as("statuses %s", byStatus).isSubsetOf(401, 429);
        assertThat(checks).as("passwords checked").isEqualTo(MAX_FAILURES);
        assertThat(byStatus.get(401)).as("wrong-password answers").isEqualTo((long) MAX_FAILURES);
        int storedFailures = faultline().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT failures FROM sign_in_failures WHERE email = :email").bind("email", EMAIL)
                .mapTo(Integer.class).one());
        assertThat(storedFailures).isEqualTo(MAX_FAILURES);

        HttpResponse<String> right = new SignInForm(APP.getLocalPort()).signIn(EMAIL, PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(right.body()).contains("Too many failed sign-ins for this address.");
        assertThat(right.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("faultline_session"));
        assertThat(CountingHasherFaultline.CHECKS.get() - checksBefore).as("no check while locked")
                .isEqualTo(MAX_FAILURES);
    }
}
