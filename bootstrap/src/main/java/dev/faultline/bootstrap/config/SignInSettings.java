package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.adapters.crypto.BoundedPasswordChecks;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.SignInThrottle;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Limits of the sign-in form. {@code failuresPerAccount} wrong passwords in a row lock an e-mail address out. Each password check is an Argon2id hash (tens of milliseconds of a core, about
 * 19 MiB of heap): at most {@code maxConcurrentPasswordChecks} run at once (0 = {@value BoundedPasswordChecks#PER_CORE}
 * per core), and a sign-in that finds none free within {@code passwordCheckWait} gets 503 with Retry-After. At most
 * {@code failuresPerClientAddress} wrong passwords per client address per {@code clientAddressWindow}, across all
 * accounts (password spraying), then 429; the client address honours {@code registration.trustForwardedFor}.
 */
public class SignInSettings {
    /** Wrong passwords in a row per e-mail address before it is locked out (1 minute, doubling up to 15). */
    @Min(1)
    @Max(100)
    private int failuresPerAccount = SignInThrottle.DEFAULT_MAX_FAILURES;

    /** The per-account throttle as the domain applies it. */
    public SignInThrottle signInThrottle() {
        return new SignInThrottle(failuresPerAccount, SignInThrottle.DEFAULT_WINDOW,
                SignInThrottle.DEFAULT_FIRST_LOCKOUT, SignInThrottle.DEFAULT_MAX_LOCKOUT);
    }

    @JsonProperty
    public int getFailuresPerAccount() {
        return failuresPerAccount;
    }

    @JsonProperty
    public void setFailuresPerAccount(int value) {
        this.failuresPerAccount = value;
    }

    @Min(1)
    @Max(100_000)
    private int failuresPerClientAddress = AddressSignInLimit.DEFAULT_MAX_FAILURES;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 24, unit = TimeUnit.HOURS)
    private Duration clientAddressWindow = Duration.minutes(15);

    /** The per-address limit as the domain applies it. */
    public AddressSignInLimit addressSignInLimit() {
        return new AddressSignInLimit(failuresPerClientAddress, clientAddressWindow.toJavaDuration());
    }

    @JsonProperty
    public int getFailuresPerClientAddress() {
        return failuresPerClientAddress;
    }

    @JsonProperty
    public void setFailuresPerClientAddress(int value) {
        this.failuresPerClientAddress = value;
    }

    @JsonProperty
    public Duration getClientAddressWindow() {
        return clientAddressWindow;
    }

    @JsonProperty
    public void setClientAddressWindow(Duration value) {
        this.clientAddressWindow = value;
    }

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
