package dev.faultline.application.access;

import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.RotationPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of the authorization server, with safe defaults ({@link #defaults(String)}).
 *
 * @param issuer                 public base URL, no trailing slash; the MCP resource is {@code issuer + "/mcp"}
 * @param codeLifetime           authorization codes: at most 60 s (default 60 s)
 * @param accessTokenLifetime    access-token JWTs (default 1 h); at most {@code refreshTokenLifetime}, so that an
 *                               access token never outlives the refresh token issued with it
 * @param refreshTokenLifetime   each refresh token, renewed on rotation (default 30 days)
 * @param abandonedClientTtl     a registered client nobody authorized is purged after this (default 24 h)
 * @param refreshReuseGrace      how long after a rotation presenting the immediately previous refresh token is
 *                               refused without revoking the chain (default 10 s; zero: strict, any reuse
 *                               revokes); see {@link RotationPolicy}
 * @param endedGrantRetention    revoked or expired chains, and expired codes, are kept this long for reuse
 *                               detection and the integrations page, then purged (default 7 days)
 * @param securityEventRetention chains revoked for a theft signal (reuse, replay) are the user's security events
 *                               and are kept this long, at least as long as other ended grants (default 90 days)
 * @param grantLifetime          a grant (token chain) ends this long after approval however often it is refreshed
 *                               (default 90 days); each refresh token lives at most until then
 * @param purgeBatchSize         rows deleted per purge statement (default 500)
 */
public record AccessPolicy(
        String issuer,
        Duration codeLifetime,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration abandonedClientTtl,
        Duration refreshReuseGrace,
        Duration endedGrantRetention,
        Duration securityEventRetention,
        Duration grantLifetime,
        int purgeBatchSize) {

    public static final String MCP_PATH = "/mcp";

    public AccessPolicy {
        Objects.requireNonNull(issuer, "issuer");
        requireIssuerShape(issuer);
        requirePositive(codeLifetime, "codeLifetime");
        if (codeLifetime.compareTo(AuthorizationCode.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("codeLifetime must be at most 60 seconds, was " + codeLifetime);
        }
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        if (accessTokenLifetime.compareTo(refreshTokenLifetime) > 0) {
            throw new IllegalArgumentException("accessTokenLifetime (" + accessTokenLifetime + ") must be at most"
                    + " refreshTokenLifetime (" + refreshTokenLifetime + "): an access token must not outlive the"
                    + " refresh token issued with it");
        }
        requirePositive(abandonedClientTtl, "abandonedClientTtl");
        requirePositive(endedGrantRetention, "endedGrantRetention");
        Objects.requireNonNull(securityEventRetention, "securityEventRetention");
        if (securityEventRetention.compareTo(endedGrantRetention) < 0) {
            throw new IllegalArgumentException("securityEventRetention must be at least endedGrantRetention, was "
                    + securityEventRetention + " < " + endedGrantRetention);
        }
        Objects.requireNonNull(refreshReuseGrace, "refreshReuseGrace");
        requirePositive(grantLifetime, "grantLifetime");
        new RotationPolicy(refreshTokenLifetime, refreshReuseGrace, grantLifetime); // validates the grace
        if (purgeBatchSize < 1) {
            throw new IllegalArgumentException("purgeBatchSize must be at least 1, was " + purgeBatchSize);
        }
    }

    public static AccessPolicy defaults(String issuer) {
        return new AccessPolicy(issuer, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofDays(30),
                Duration.ofHours(24), RotationPolicy.DEFAULT_REUSE_GRACE, Duration.ofDays(7), Duration.ofDays(90), RotationPolicy.DEFAULT_GRANT_LIFETIME, 500);
    }

    /** The same policy with another {@code refreshReuseGrace} (zero: strict). */
    public AccessPolicy withRefreshReuseGrace(Duration grace) {
        return new AccessPolicy(issuer, codeLifetime, accessTokenLifetime, refreshTokenLifetime, abandonedClientTtl,
                grace, endedGrantRetention, securityEventRetention, grantLifetime, purgeBatchSize);
    }

    /** The protected resource (RFC 8707 / RFC 9728) every access token is bound to. */
    public ProtectedResource mcpResource() {
        return new ProtectedResource(issuer + MCP_PATH);
    }

    public RotationPolicy rotationPolicy() {
        return new RotationPolicy(refreshTokenLifetime, refreshReuseGrace, grantLifetime);
    }

    private static void requireIssuerShape(String issuer) {
        try {
            URI uri = new URI(issuer);
            boolean ok = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null && !issuer.endsWith("/");
            if (!ok) {
                throw new IllegalArgumentException("issuer must be an http(s) URL without query, fragment, user info"
                        + " or trailing slash, was \"" + issuer + "\"");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("issuer is not a valid URL: \"" + issuer + "\"", e);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
