package dev.faultline.application.access.testing;

import dev.faultline.domain.access.ApplicationType;
import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientAuthMethod;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.RedirectUri;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.RotationPolicy;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Aggregates for repository contract tests. Times are whole seconds so that every store (PostgreSQL keeps
 * microseconds) round-trips them exactly.
 */
public final class AccessFixtures {
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    public static final ProtectedResource RESOURCE = new ProtectedResource("https://faultline.example/mcp");
    public static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private AccessFixtures() {
    }

    public static ClientId newClientId() {
        return new ClientId(UUID.randomUUID().toString());
    }

    public static Client publicClient(Instant registeredAt) {
        return new Client(newClientId(), "Claude Code", List.of(RedirectUri.parse("http://127.0.0.1/callback"),
                RedirectUri.parse("com.example.app:/cb")), Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                ClientAuthMethod.NONE, Optional.empty(), Scopes.READ_WRITE, Optional.empty(), Optional.empty(),
                ApplicationType.NATIVE, registeredAt, Optional.empty());
    }

    public static Client confidentialClient(Instant registeredAt) {
        return new Client(newClientId(), "Web Agent", List.of(RedirectUri.parse("https://agent.example/cb")),
                Set.of(GrantType.AUTHORIZATION_CODE), ClientAuthMethod.CLIENT_SECRET_BASIC,
                Optional.of(TokenHash.of("flt_cs_" + UUID.randomUUID())), Scopes.READ_ONLY,
                Optional.of("https://agent.example"), Optional.of("https://agent.example/logo.png"),
                ApplicationType.WEB, registeredAt, Optional.of(registeredAt.plusSeconds(30)));
    }

    public static TokenHash randomHash() {
        return TokenHash.of("flt_x_" + UUID.randomUUID());
    }

    public static AuthorizationCode code(ClientId client, UserId user, Instant issuedAt) {
        return AuthorizationCode.issue(randomHash(), client, user,
                dev.faultline.domain.access.RedirectUri.parse("http://127.0.0.1:49152/callback"),
                Scopes.READ_WRITE, RESOURCE, PkceChallenge.derivedFrom(VERIFIER), issuedAt, Duration.ofSeconds(60));
    }

    public static TokenChain chain(ClientId client, UserId user, Instant createdAt) {
        return TokenChain.start(ChainId.random(), client, user, Scopes.READ_ONLY, RESOURCE, randomHash(), createdAt,
                RotationPolicy.strict(Duration.ofDays(30)));
    }
}
