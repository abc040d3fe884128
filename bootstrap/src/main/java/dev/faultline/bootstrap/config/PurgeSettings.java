package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.domain.intake.RetentionLimits;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The scheduled purge of expired codes, abandoned clients and dead token chains, and event retention: at most
 * {@code maxEventsPerApplication} events per application, none older than {@code maxEventAge}, always keeping each
 * issue's first, latest and turning-point events.
 */
public class PurgeSettings {
    private boolean enabled = true;

    @Min(1)
    @Max(100_000_000)
    private int maxEventsPerApplication = RetentionLimits.DEFAULT_MAX_EVENTS;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration maxEventAge = Duration.days(RetentionLimits.DEFAULT_MAX_AGE.toDays());

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.SECONDS)
    private Duration interval = Duration.minutes(15);

    @Min(1)
    @Max(10_000)
    private int batchSize = 500;

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @JsonProperty
    public Duration getInterval() {
        return interval;
    }

    @JsonProperty
    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    @JsonProperty
    public int getBatchSize() {
        return batchSize;
    }

    @JsonProperty
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    @JsonProperty
    public int getMaxEventsPerApplication() {
        return maxEventsPerApplication;
    }

    @JsonProperty
    public void setMaxEventsPerApplication(int maxEventsPerApplication) {
        this.maxEventsPerApplication = maxEventsPerApplication;
    }

    @JsonProperty
    public Duration getMaxEventAge() {
        return maxEventAge;
    }

    @JsonProperty
    public void setMaxEventAge(Duration maxEventAge) {
        this.maxEventAge = maxEventAge;
    }

    public RetentionLimits retentionLimits() {
        return new RetentionLimits(maxEventsPerApplication, maxEventAge.toJavaDuration());
    }
}
