package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignInSettingsTest {
    private final Validator validator = Validators.newValidator();

    private Set<String> problems(SignInSettings settings) {
        return validator.validate(settings).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.toSet());
    }

    @Test
    void defaults_are_two_checks_per_core_and_half_a_second_of_waiting() {
        SignInSettings defaults = new SignInSettings();
        assertThat(problems(defaults)).isEmpty();
        assertThat(defaults.passwordChecksAtOnce()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(defaults.getPasswordCheckWait().toJavaDuration()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(defaults.addressSignInLimit().maxFailures()).isEqualTo(30);
    }

    @Test
    void failures_per_account_are_1_to_100_and_reach_the_throttle() {
        SignInSettings settings = new SignInSettings();
        assertThat(settings.signInThrottle().maxFailures()).isEqualTo(5);
        settings.setFailuresPerAccount(1);
        assertThat(problems(settings)).isEmpty();
        settings.setFailuresPerAccount(100);
        assertThat(problems(settings)).isEmpty();
        assertThat(settings.signInThrottle().maxFailures()).isEqualTo(100);
        settings.setFailuresPerAccount(0);
        assertThat(problems(settings)).singleElement().asString().startsWith("failuresPerAccount");
        settings.setFailuresPerAccount(101);
        assertThat(problems(settings)).singleElement().asString().startsWith("failuresPerAccount");
    }

    @Test
    void failures_per_client_address_are_1_to_100000_in_a_window_of_1_second_to_24_hours() {
        SignInSettings settings = new SignInSettings();
        settings.setFailuresPerClientAddress(1);
        settings.setClientAddressWindow(Duration.seconds(1));
        assertThat(problems(settings)).isEmpty();
        settings.setFailuresPerClientAddress(100_000);
        settings.setClientAddressWindow(Duration.hours(24));
        assertThat(problems(settings)).isEmpty();
        assertThat(settings.addressSignInLimit().maxFailures()).isEqualTo(100_000);

        settings.setFailuresPerClientAddress(0);
        settings.setClientAddressWindow(Duration.milliseconds(999));
        assertThat(problems(settings)).hasSize(2);
        settings.setFailuresPerClientAddress(100_001);
        settings.setClientAddressWindow(Duration.minutes(24 * 60 + 1));
        assertThat(problems(settings)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("failuresPerClientAddress"))
                .anySatisfy(p -> assertThat(p).startsWith("clientAddressWindow"));
    }

    @Test
    void concurrent_checks_are_1_to_1024_or_0_for_the_default_and_the_wait_at_most_10_seconds() {
        SignInSettings settings = new SignInSettings();
        settings.setMaxConcurrentPasswordChecks(1024);
        settings.setPasswordCheckWait(Duration.seconds(10));
        assertThat(problems(settings)).isEmpty();
        assertThat(settings.passwordChecksAtOnce()).isEqualTo(1024);

        settings.setMaxConcurrentPasswordChecks(1025);
        settings.setPasswordCheckWait(Duration.milliseconds(10_001));
        assertThat(problems(settings)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("maxConcurrentPasswordChecks"))
                .anySatisfy(p -> assertThat(p).startsWith("passwordCheckWait"));
        settings.setMaxConcurrentPasswordChecks(-1);
        assertThat(problems(settings)).anySatisfy(p -> assertThat(p).startsWith("maxConcurrentPasswordChecks"));
    }
}
