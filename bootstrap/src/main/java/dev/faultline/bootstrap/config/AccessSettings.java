package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faultline.domain.access.BrowserSession;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Lifetimes of what the authorization server hands out, and of browser sessions. Defaults follow DESIGN.md §3. */
public class AccessSettings {
    @NotNull
    @MinDuration(value = 5, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration authorizationCodeLifetime = Duration.seconds(60);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 24, unit = TimeUnit.HOURS)
    private Duration accessTokenLifetime = Duration.hours(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    @MaxDuration(value = 365, unit = TimeUnit.DAYS)
    private Duration refreshTokenLifetime = Duration.days(30);

    /**
     * Base64 of the 32-byte key that encrypts signing keys at rest (AES-256-GCM); empty = a generated key in a file
     * beside the embedded data directory (also when the shipped {@code ${FAULTLINE_KEY_ENCRYPTION_KEY:-}} leaves it
     * null). Never logged.
     */
    private String keyEncryptionKey = "";

    @ValidationMethod(message = "keyEncryptionKey must be empty or the base64 of 32 random bytes (openssl rand -base64 32)")
    @JsonIgnore
    public boolean isKeyEncryptionKeyEmptyOr32Bytes() {
        if (keyEncryptionKey == null || keyEncryptionKey.isBlank()) {
            return true;
        }
        try {
            dev.faultline.adapters.crypto.KeyEncryptionKey.fromBase64(keyEncryptionKey);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonProperty
    public String getKeyEncryptionKey() {
        return keyEncryptionKey == null ? "" : keyEncryptionKey;
    }

    @JsonProperty
    public void setKeyEncryptionKey(String value) {
        this.keyEncryptionKey = value;
    }

    /** A grant ends this long after approval however often it is refreshed (no refresh token outlives it). */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    @MaxDuration(value = 365, unit = TimeUnit.DAYS)
    private Duration grantLifetime = Duration.days(90);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration abandonedClientTtl = Duration.hours(24);

    /**
     * For this long after a rotation, presenting the token it replaced is refused without revoking the chain (the
     * loser of a race between a client's processes); 0 = strict: any reuse of a rotated refresh token revokes it.
     */
    @NotNull
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration refreshReuseGrace = Duration.seconds(10);

    @ValidationMethod(message = "accessTokenLifetime must be at most refreshTokenLifetime: an access token must not"
            + " outlive the refresh token issued with it")
    @JsonIgnore
    public boolean isAccessTokenLifetimeAtMostRefreshTokenLifetime() {
        return accessTokenLifetime == null || refreshTokenLifetime == null
                || accessTokenLifetime.toJavaDuration().compareTo(refreshTokenLifetime.toJavaDuration()) <= 0;
    }

    /** How often a new access-token signing key is published; old keys stay until their tokens expire. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration signingKeyRotationPeriod = Duration.days(30);

    /** How long revoked or expired token chains and personal tokens are kept before the purge removes them. */
    @NotNull
    private Duration endedGrantRetention = Duration.days(7);

    /** How long a grant Faultline revoked for a theft signal stays listed as a security event on My Integrations. */
    @NotNull
    private Duration securityEventRetention = Duration.days(90);

    @ValidationMethod(message = "securityEventRetention must be at least endedGrantRetention")
    @JsonIgnore
    public boolean isSecurityEventRetentionAtLeastEndedGrantRetention() {
        return securityEventRetention == null || endedGrantRetention == null
                || securityEventRetention.toJavaDuration().compareTo(endedGrantRetention.toJavaDuration()) >= 0;
    }

    @JsonProperty
    public Duration getSecurityEventRetention() {
        return securityEventRetention;
    }

    @JsonProperty
    public void setSecurityEventRetention(Duration value) {
        this.securityEventRetention = value;
    }

    /**
     * How many token chains' states the bearer check keeps in memory (least recently used go first); 0 = none, every
     * MCP call reads its chain from the database. Kept exact by PostgreSQL notifications (see README "Tokens").
     */
    @jakarta.validation.constraints.Min(0)
    @jakarta.validation.constraints.Max(1_000_000)
    private int chainCacheSize = 10_000;

    /**
     * How many authorized clients the token endpoint keeps in memory (least recently used go first); 0 = none, every
     * grant reads its client from the database. Exact without notifications: an authorized client never changes.
     */
    @jakarta.validation.constraints.Min(0)
    @jakarta.validation.constraints.Max(1_000_000)
    private int clientCacheSize = 10_000;

    /**
     * How many access tokens the bearer check remembers once their signature verified, so the same token on the next
     * MCP call is not parsed and RSA-verified again (its claims, expiry included, still are); 0 = verify every call.
     */
    @jakarta.validation.constraints.Min(0)
    @jakarta.validation.constraints.Max(1_000_000)
    private int verifiedTokenCacheSize = 10_000;

    /**
     * Whether access tokens are signed and verified by the native provider (Amazon Corretto Crypto Provider) where
     * it loads; false = always the JDK's. Each verifies the other's signatures, so instances may differ.
     */
    private boolean nativeSignatures = true;

    /** The listener for chain changes checks its connection when no notice came for this long. */
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration chainListenerCheckInterval = Duration.seconds(5);

    /** After losing its connection, the listener for chain changes tries again this often. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration chainListenerRetryDelay = Duration.seconds(1);

    @JsonProperty
    public int getChainCacheSize() {
        return chainCacheSize;
    }

    @JsonProperty
    public void setChainCacheSize(int value) {
        this.chainCacheSize = value;
    }

    @JsonProperty
    public int getClientCacheSize() {
        return clientCacheSize;
    }

    @JsonProperty
    public void setClientCacheSize(int value) {
        this.clientCacheSize = value;
    }

    @JsonProperty
    public int getVerifiedTokenCacheSize() {
        return verifiedTokenCacheSize;
    }

    @JsonProperty
    public void setVerifiedTokenCacheSize(int value) {
        this.verifiedTokenCacheSize = value;
    }

    @JsonProperty
    public boolean isNativeSignatures() {
        return nativeSignatures;
    }

    @JsonProperty
    public void setNativeSignatures(boolean value) {
        this.nativeSignatures = value;
    }

    @JsonProperty
    public Duration getChainListenerCheckInterval() {
        return chainListenerCheckInterval;
    }

    @JsonProperty
    public void setChainListenerCheckInterval(Duration value) {
        this.chainListenerCheckInterval = value;
    }

    @JsonProperty
    public Duration getChainListenerRetryDelay() {
        return chainListenerRetryDelay;
    }

    @JsonProperty
    public void setChainListenerRetryDelay(Duration value) {
        this.chainListenerRetryDelay = value;
    }

    /** A browser session ends after this long without a request (sign-in and consent pages, My Integrations). */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MINUTES)
    private Duration browserSessionIdleTimeout = Duration.hours(12);

    /** A browser session ends this long after sign-in however active it is. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 90, unit = TimeUnit.DAYS)
    private Duration browserSessionLifetime = Duration.days(7);

    @ValidationMethod(message = "browserSessionLifetime must be at least browserSessionIdleTimeout")
    @JsonIgnore
    public boolean isBrowserSessionLifetimeAtLeastIdleTimeout() {
        return browserSessionIdleTimeout == null || browserSessionLifetime == null
                || browserSessionLifetime.toJavaDuration().compareTo(browserSessionIdleTimeout.toJavaDuration()) >= 0;
    }

    /** The sessions' lifetimes as the domain checks them. */
    public BrowserSession.Lifetimes browserSessionLifetimes() {
        return new BrowserSession.Lifetimes(browserSessionIdleTimeout.toJavaDuration(),
                browserSessionLifetime.toJavaDuration());
    }

    @JsonProperty
    public Duration getBrowserSessionIdleTimeout() {
        return browserSessionIdleTimeout;
    }

    @JsonProperty
    public void setBrowserSessionIdleTimeout(Duration value) {
        this.browserSessionIdleTimeout = value;
    }

    @JsonProperty
    public Duration getBrowserSessionLifetime() {
        return browserSessionLifetime;
    }

    @JsonProperty
    public void setBrowserSessionLifetime(Duration value) {
        this.browserSessionLifetime = value;
    }

    @JsonProperty
    public Duration getSigningKeyRotationPeriod() {
        return signingKeyRotationPeriod;
    }

    @JsonProperty
    public void setSigningKeyRotationPeriod(Duration value) {
        this.signingKeyRotationPeriod = value;
    }

    @JsonProperty
    public Duration getAuthorizationCodeLifetime() {
        return authorizationCodeLifetime;
    }

    @JsonProperty
    public void setAuthorizationCodeLifetime(Duration value) {
        this.authorizationCodeLifetime = value;
    }

    @JsonProperty
    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    @JsonProperty
    public void setAccessTokenLifetime(Duration value) {
        this.accessTokenLifetime = value;
    }

    @JsonProperty
    public Duration getGrantLifetime() {
        return grantLifetime;
    }

    @JsonProperty
    public void setGrantLifetime(Duration value) {
        this.grantLifetime = value;
    }

    @JsonProperty
    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    @JsonProperty
    public void setRefreshTokenLifetime(Duration value) {
        this.refreshTokenLifetime = value;
    }

    @JsonProperty
    public Duration getAbandonedClientTtl() {
        return abandonedClientTtl;
    }

    @JsonProperty
    public void setAbandonedClientTtl(Duration value) {
        this.abandonedClientTtl = value;
    }

    @JsonProperty
    public Duration getRefreshReuseGrace() {
        return refreshReuseGrace;
    }

    @JsonProperty
    public void setRefreshReuseGrace(Duration value) {
        this.refreshReuseGrace = value;
    }

    @JsonProperty
    public Duration getEndedGrantRetention() {
        return endedGrantRetention;
    }

    @JsonProperty
    public void setEndedGrantRetention(Duration value) {
        this.endedGrantRetention = value;
    }
}
