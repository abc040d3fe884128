package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.application.access.ClientMetadataFetchLimit;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Client ID Metadata Documents: how they are fetched (timeout, size cap, optionally a trust store of their own)
 * and how long a valid one is reused. {@code allowLoopbackForTests} lets the fetcher reach loopback addresses
 * (documents served by a local test server); it is refused at startup unless the public base URL is plain http
 * on a loopback host, i.e. never in a deployment people can reach. At most {@code maxFetchesPerAddress} documents
 * are fetched per client address per {@code fetchWindow} (cache hits do not count; in memory, per instance); the
 * client address honours {@code registration.trustForwardedFor}.
 */
public class ClientMetadataSettings {
    private boolean enabled = true;

    @NotNull
    @MinDuration(value = 500, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration timeout = Duration.seconds(5);

    @NotNull
    @MinDataSize(512)
    @MaxDataSize(value = 64, unit = DataSizeUnit.KIBIBYTES)
    private DataSize maxDocumentSize = DataSize.kibibytes(5);

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    private Duration minCacheLifetime = Duration.minutes(5);

    @NotNull
    @MaxDuration(value = 7, unit = TimeUnit.DAYS)
    private Duration maxCacheLifetime = Duration.hours(24);

    @Min(1)
    @Max(1_000_000)
    private int maxCachedDocuments = 1000;

    @Min(1)
    @Max(100_000)
    private int maxFetchesPerAddress = ClientMetadataFetchLimit.DEFAULT_MAX_FETCHES;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 24, unit = TimeUnit.HOURS)
    private Duration fetchWindow = Duration.minutes(ClientMetadataFetchLimit.DEFAULT_WINDOW.toMinutes());

    private String trustStore = "";

    private String trustStorePassword = "";

    private boolean allowLoopbackForTests = false;

    @ValidationMethod(message = "clientMetadata.minCacheLifetime must not exceed clientMetadata.maxCacheLifetime")
    public boolean isCacheLifetimeOrdered() {
        return minCacheLifetime.toJavaDuration().compareTo(maxCacheLifetime.toJavaDuration()) <= 0;
    }

    @JsonProperty
    public boolean isEnabled() {
        return enabled;
    }

    @JsonProperty
    public void setEnabled(boolean value) {
        this.enabled = value;
    }

    @JsonProperty
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration value) {
        this.timeout = value;
    }

    @JsonProperty
    public DataSize getMaxDocumentSize() {
        return maxDocumentSize;
    }

    @JsonProperty
    public void setMaxDocumentSize(DataSize value) {
        this.maxDocumentSize = value;
    }

    @JsonProperty
    public Duration getMinCacheLifetime() {
        return minCacheLifetime;
    }

    @JsonProperty
    public void setMinCacheLifetime(Duration value) {
        this.minCacheLifetime = value;
    }

    @JsonProperty
    public Duration getMaxCacheLifetime() {
        return maxCacheLifetime;
    }

    @JsonProperty
    public void setMaxCacheLifetime(Duration value) {
        this.maxCacheLifetime = value;
    }

    @JsonProperty
    public int getMaxCachedDocuments() {
        return maxCachedDocuments;
    }

    @JsonProperty
    public void setMaxCachedDocuments(int value) {
        this.maxCachedDocuments = value;
    }

    /** The per-address fetch limit as the application applies it. */
    public ClientMetadataFetchLimit fetchLimit() {
        return new ClientMetadataFetchLimit(maxFetchesPerAddress, fetchWindow.toJavaDuration());
    }

    @JsonProperty
    public int getMaxFetchesPerAddress() {
        return maxFetchesPerAddress;
    }

    @JsonProperty
    public void setMaxFetchesPerAddress(int value) {
        this.maxFetchesPerAddress = value;
    }

    @JsonProperty
    public Duration getFetchWindow() {
        return fetchWindow;
    }

    @JsonProperty
    public void setFetchWindow(Duration value) {
        this.fetchWindow = value;
    }

    /** A PKCS#12 file of CAs trusted for fetching documents instead of the JDK's; empty = the JDK's. */
    @JsonProperty
    public String getTrustStore() {
        return trustStore;
    }

    @JsonProperty
    public void setTrustStore(String value) {
        this.trustStore = value == null ? "" : value;
    }

    @JsonProperty
    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    @JsonProperty
    public void setTrustStorePassword(String value) {
        this.trustStorePassword = value == null ? "" : value;
    }

    @JsonProperty
    public boolean isAllowLoopbackForTests() {
        return allowLoopbackForTests;
    }

    @JsonProperty
    public void setAllowLoopbackForTests(boolean value) {
        this.allowLoopbackForTests = value;
    }
}
