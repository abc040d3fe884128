package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.adapters.ingest.endpoint.IngestPolicy;
import dev.faultline.adapters.ingest.protocol.IngestLimits;
import dev.faultline.adapters.ingest.protocol.UnsupportedCategories;
import dev.faultline.domain.intake.IngestBaseUrl;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The crash intake ({@code /api/{id}/envelope/}, {@code /api/{id}/store/}): body limits (counted while streaming,
 * on compressed and decompressed bytes), how many requests may use the database at once and how long one waits
 * for a place before it is told 429, what the 429 and 503 answers ask SDKs to wait, when the health check turns
 * unhealthy, the data categories SDKs are asked not to send, and an optional port of its own.
 */
public class IngestSettings {
    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 200, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxEnvelopeSize = DataSize.mebibytes(20);

    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 200, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxDecompressedEnvelopeSize = DataSize.mebibytes(20);

    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 20, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxStoreBodySize = DataSize.mebibytes(1);

    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 20, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxEventSize = DataSize.mebibytes(1);

    /** 0: twice the processors. */
    @Min(0)
    @Max(1000)
    private int maxConcurrent = 0;

    /** Requests that may wait for a place at once; more are answered 429 without waiting. */
    @Min(0)
    @Max(10_000)
    private int maxQueued = 32;

    @NotNull
    @MaxDuration(value = 10, unit = TimeUnit.SECONDS)
    private Duration maxWait = Duration.seconds(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration overloadRetryAfter = Duration.seconds(2);

    @Min(1)
    private int unhealthyAfterFailures = 10;

    @NotNull
    private List<String> unsupportedCategories = new ArrayList<>(UnsupportedCategories.DEFAULT_CATEGORIES);

    /**
     * 0: ingestion is served on the application connectors with everything else. Otherwise Faultline opens a
     * connector of its own on this port and {@link #bindHost}, serving ingestion only, and the application
     * connectors stop serving it.
     */
    @Min(0)
    @Max(65535)
    private int port = 0;

    @NotNull
    private String bindHost = "127.0.0.1";

    /**
     * That connector's TCP accept queue: connections the kernel holds for it before Faultline takes them. A crash
     * storm beyond it is refused by the kernel (SDKs drop the event, as they do on any network error) instead of
     * piling up in memory.
     */
    @Min(1)
    @Max(65_535)
    private int acceptQueueSize = 256;

    /** That connector closes a connection idle this long, so idle SDK keep-alives don't hold buffers for ever. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    private Duration idleTimeout = Duration.seconds(30);

    /**
     * Where SDKs reach the ingest endpoints, as DSNs show it (scheme, host, optional port and path prefix); empty:
     * {@code publicBaseUrl}. Set it when monitored applications reach Faultline by another name or port (e.g.
     * {@code ingest.port}). Null (an empty environment variable in YAML) means empty.
     */
    @NotNull
    private String publicUrl = "";

    /** How many ingest keys one application may have. */
    @Min(1)
    @Max(1000)
    private int maxKeysPerApplication = 20;

    /** The base of every DSN: {@code publicUrl}, or else the public base URL. */
    public IngestBaseUrl baseUrl(String publicBaseUrl) {
        return IngestBaseUrl.parse(publicUrl.isBlank() ? publicBaseUrl : publicUrl);
    }

    @JsonProperty
    public String getPublicUrl() {
        return publicUrl;
    }

    @JsonProperty
    public void setPublicUrl(String value) {
        this.publicUrl = value == null ? "" : value.strip();
    }

    @JsonProperty
    public int getMaxKeysPerApplication() {
        return maxKeysPerApplication;
    }

    @JsonProperty
    public void setMaxKeysPerApplication(int value) {
        this.maxKeysPerApplication = value;
    }

    /** The protocol's limits and answers; the 503's {@code Retry-After} is the database's. */
    public IngestPolicy policy(java.time.Duration unavailableRetryAfter) {
        IngestLimits defaults = IngestLimits.defaults();
        IngestLimits limits = new IngestLimits(maxEnvelopeSize.toBytes(), maxDecompressedEnvelopeSize.toBytes(),
                maxStoreBodySize.toBytes(), Math.toIntExact(maxEventSize.toBytes()), defaults.clientReportItem(),
                defaults.headerLine());
        return new IngestPolicy(limits, new UnsupportedCategories(unsupportedCategories,
                UnsupportedCategories.DEFAULT_RETRY_AFTER), overloadRetryAfter.toJavaDuration(), unavailableRetryAfter);
    }

    public int effectiveMaxConcurrent() {
        return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
    }

    @JsonProperty
    public DataSize getMaxEnvelopeSize() {
        return maxEnvelopeSize;
    }

    @JsonProperty
    public void setMaxEnvelopeSize(DataSize value) {
        this.maxEnvelopeSize = value;
    }

    @JsonProperty
    public DataSize getMaxDecompressedEnvelopeSize() {
        return maxDecompressedEnvelopeSize;
    }

    @JsonProperty
    public void setMaxDecompressedEnvelopeSize(DataSize value) {
        this.maxDecompressedEnvelopeSize = value;
    }

    @JsonProperty
    public DataSize getMaxStoreBodySize() {
        return maxStoreBodySize;
    }

    @JsonProperty
    public void setMaxStoreBodySize(DataSize value) {
        this.maxStoreBodySize = value;
    }

    @JsonProperty
    public DataSize getMaxEventSize() {
        return maxEventSize;
    }

    @JsonProperty
    public void setMaxEventSize(DataSize value) {
        this.maxEventSize = value;
    }

    @JsonProperty
    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    @JsonProperty
    public void setMaxConcurrent(int value) {
        this.maxConcurrent = value;
    }

    @JsonProperty
    public int getMaxQueued() {
        return maxQueued;
    }

    @JsonProperty
    public void setMaxQueued(int value) {
        this.maxQueued = value;
    }

    @JsonProperty
    public Duration getMaxWait() {
        return maxWait;
    }

    @JsonProperty
    public void setMaxWait(Duration value) {
        this.maxWait = value;
    }

    @JsonProperty
    public Duration getOverloadRetryAfter() {
        return overloadRetryAfter;
    }

    @JsonProperty
    public void setOverloadRetryAfter(Duration value) {
        this.overloadRetryAfter = value;
    }

    @JsonProperty
    public int getUnhealthyAfterFailures() {
        return unhealthyAfterFailures;
    }

    @JsonProperty
    public void setUnhealthyAfterFailures(int value) {
        this.unhealthyAfterFailures = value;
    }

    @JsonProperty
    public List<String> getUnsupportedCategories() {
        return unsupportedCategories;
    }

    @JsonProperty
    public void setUnsupportedCategories(List<String> value) {
        this.unsupportedCategories = value;
    }

    @JsonProperty
    public String getBindHost() {
        return bindHost;
    }

    @JsonProperty
    public void setBindHost(String value) {
        this.bindHost = value;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int value) {
        this.port = value;
    }

    @JsonProperty
    public int getAcceptQueueSize() {
        return acceptQueueSize;
    }

    @JsonProperty
    public void setAcceptQueueSize(int value) {
        this.acceptQueueSize = value;
    }

    @JsonProperty
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    @JsonProperty
    public void setIdleTimeout(Duration value) {
        this.idleTimeout = value;
    }
}
