package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Size limits of the MCP endpoint ({@code POST /mcp}): the request body, the length of a JSON-RPC batch
 * (protocol 2025-03-26 only; later versions forbid batches), and the response body. See
 * {@link dev.faultline.adapters.mcp.McpLimits} for what happens beyond each.
 */
public class McpSettings {
    private static final long MIN_RENDERED_ISSUE_CACHE_BYTES = 64 * 1024;

    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 16, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxBodySize = DataSize.mebibytes(1);

    @Min(1)
    @Max(100)
    private int maxBatchLength = 10;

    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 64, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxResponseSize = DataSize.mebibytes(4);

    /**
     * Memory for get_issue answers kept per issue and person, to answer the same call again while the issue is
     * unchanged (checked by one read of its revision and the caller's membership each call); 0 = read and render the
     * issue every call. Otherwise at least 64 KiB: an answer heavier than a sixteenth of it is not kept, and below that
     * none would be.
     */
    @NotNull
    @MinDataSize(0)
    @MaxDataSize(value = 1, unit = DataSizeUnit.GIBIBYTES)
    private DataSize renderedIssueCache = DataSize.mebibytes(32);

    /**
     * How many issues' revisions (and, separately, how many people's memberships) the check behind a kept get_issue
     * answer keeps in memory, so asking again about an unchanged issue reads nothing; 0 = read them every call. Kept
     * exact by PostgreSQL notifications, like the chain states (README "Tokens").
     */
    @Min(0)
    @Max(1_000_000)
    private int issueRevisionCacheSize = 10_000;

    @JsonIgnore
    @AssertTrue(message = "renderedIssueCache must be 0 (off) or at least 64KiB")
    public boolean isRenderedIssueCacheOffOrUsable() {
        return renderedIssueCache == null || renderedIssueCache.toBytes() == 0
                || renderedIssueCache.toBytes() >= MIN_RENDERED_ISSUE_CACHE_BYTES;
    }

    @JsonProperty
    public DataSize getRenderedIssueCache() {
        return renderedIssueCache;
    }

    @JsonProperty
    public void setRenderedIssueCache(DataSize value) {
        this.renderedIssueCache = value;
    }

    @JsonProperty
    public int getIssueRevisionCacheSize() {
        return issueRevisionCacheSize;
    }

    @JsonProperty
    public void setIssueRevisionCacheSize(int value) {
        this.issueRevisionCacheSize = value;
    }

    @JsonProperty
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty
    public void setMaxBodySize(DataSize value) {
        this.maxBodySize = value;
    }

    @JsonProperty
    public int getMaxBatchLength() {
        return maxBatchLength;
    }

    @JsonProperty
    public void setMaxBatchLength(int value) {
        this.maxBatchLength = value;
    }

    @JsonProperty
    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    @JsonProperty
    public void setMaxResponseSize(DataSize value) {
        this.maxResponseSize = value;
    }
}
