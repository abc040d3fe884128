package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Abuse limits of anonymous dynamic client registration. Behind a reverse proxy every registration comes from
 * the proxy's address, so either raise {@code perAddress} or let Faultline read the client address the proxy
 * appends to {@code X-Forwarded-For} ({@code trustForwardedFor}, only behind exactly one trusted proxy).
 */
public class RegistrationSettings {
    @NotNull
    @MinDataSize(256)
    @MaxDataSize(value = 1, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    private DataSize maxBodySize = DataSize.kibibytes(16);

    @Min(1)
    @Max(100_000)
    private int perAddress = 20;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration window = Duration.minutes(10);

    private boolean trustForwardedFor = false;

    @JsonProperty
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty
    public void setMaxBodySize(DataSize value) {
        this.maxBodySize = value;
    }

    @JsonProperty
    public int getPerAddress() {
        return perAddress;
    }

    @JsonProperty
    public void setPerAddress(int value) {
        this.perAddress = value;
    }

    @JsonProperty
    public Duration getWindow() {
        return window;
    }

    @JsonProperty
    public void setWindow(Duration value) {
        this.window = value;
    }

    @JsonProperty
    public boolean isTrustForwardedFor() {
        return trustForwardedFor;
    }

    @JsonProperty
    public void setTrustForwardedFor(boolean value) {
        this.trustForwardedFor = value;
    }
}
