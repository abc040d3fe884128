package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.adapters.crypto.BoundedPasswordChecks;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Limits of the sign-in form. Each password check is an Argon2id hash (tens of milliseconds of a core, about
 * 19 MiB of heap): at most {@code maxConcurrentPasswordChecks} run at once (0 = {@value BoundedPasswordChecks#PER_CORE}
 * per core), and a sign-in that finds none free within {@code passwordCheckWait} gets 503 with Retry-After.
 */
public class SignInSettings {
    @Min(0)
    @Max(1024)
    private int maxConcurrentPasswordChecks = 0;

    @NotNull
    @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
    private Duration passwordCheckWait = Duration.milliseconds(500);

    /** The bound in effect: the configured one, or {@value BoundedPasswordChecks#PER_CORE} per core for 0. */
    public int passwordChecksAtOnce() {
        return maxConcurrentPasswordChecks == 0 ? BoundedPasswordChecks.defaultPermits() : maxConcurrentPasswordChecks;
    }

    @JsonProperty
    public int getMaxConcurrentPasswordChecks() {
        return maxConcurrentPasswordChecks;
    }

    @JsonProperty
    public void setMaxConcurrentPasswordChecks(int value) {
        this.maxConcurrentPasswordChecks = value;
    }

    @JsonProperty
    public Duration getPasswordCheckWait() {
        return passwordCheckWait;
    }

    @JsonProperty
    public void setPasswordCheckWait(Duration value) {
        this.passwordCheckWait = value;
    }
}
