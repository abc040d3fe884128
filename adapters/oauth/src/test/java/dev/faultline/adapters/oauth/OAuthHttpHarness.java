package dev.faultline.adapters.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryAuthorizationCodes;
import dev.faultline.adapters.inmemory.access.InMemoryClients;
import dev.faultline.adapters.inmemory.access.InMemoryGrantLocks;
import dev.faultline.adapters.inmemory.access.InMemoryTokenChains;
import dev.faultline.application.access.ThrottleRegistrationsService;
import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.ApproveAuthorizationService;
import dev.faultline.application.access.BeginAuthorizationService;
import dev.faultline.application.access.ExchangeAuthorizationCodeService;
import dev.faultline.application.access.PublishSigningKeysService;
import dev.faultline.application.access.RefreshTokensService;
import dev.faultline.application.access.RegisterClientService;
import dev.faultline.application.access.RevokeTokenService;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.testing.FakeAccessTokenCodec;
import dev.faultline.application.access.testing.FakeSecretGenerator;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OAuth resources wired to the real access use cases on the in-memory adapters, with a test clock, fake
 * secrets and a fake token codec; plus the browser half of the dance (begin + approve) driven directly through
 * the use cases, since the consent pages are not part of these resources.
 */
final class OAuthHttpHarness {
    static final String ISSUER = "https://faultline.example";
    static final String RESOURCE = ISSUER + "/mcp";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = PkceChallenge.derivedFrom(VERIFIER).value();
    static final String LOOPBACK = "http://127.0.0.1/callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    final AccessPolicy policy = AccessPolicy.defaults(ISSUER);
    final InMemoryClients clients = new InMemoryClients();
    final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes();
    final InMemoryTokenChains chains = new InMemoryTokenChains();
    final FakeSecretGenerator secrets = new FakeSecretGenerator();
    final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryGrantLocks grantLocks = new InMemoryGrantLocks();

    final RegisterClientService register = new RegisterClientService(clients, secrets, clock);
    final BeginAuthorizationService begin = new BeginAuthorizationService(clients, policy);
    final ApproveAuthorizationService approve =
            new ApproveAuthorizationService(clients, codes, grantLocks, secrets, transactions, policy, clock);
    final ExchangeAuthorizationCodeService exchange =
            new ExchangeAuthorizationCodeService(clients, codes, chains, grantLocks, secrets, codec,
                    transactions, policy, clock);
    final RefreshTokensService refresh = new RefreshTokensService(clients, chains, grantLocks, secrets, codec, transactions,
            policy, clock);
    final RevokeTokenService revoke = new RevokeTokenService(clients, chains, codec, policy, clock);
    final PublishSigningKeysService publishKeys = new PublishSigningKeysService(codec);
    final AtomicInteger registrations = new AtomicInteger();
    /** The registration use case as the resource sees it, counting the clients it stored. */
    final RegisterClient countingRegister = request -> {
        RegisterClient.Outcome outcome = register.register(request);
        if (outcome instanceof RegisterClient.Outcome.Registered) {
            registrations.incrementAndGet();
        }
        return outcome;
    };

    final UserId alice = UserId.random();

    /** Every OAuth resource of this package, with the given registrations per address (per 10 minutes). */
    ResourceExtension extension(int registrationsPerAddress) {
        return ResourceExtension.builder()
                .addResource(new AuthorizationServerMetadataResource(policy.issuer()))
                .addResource(new JwksResource(publishKeys))
                .addResource(new ClientRegistrationResource(countingRegister,
                        new ThrottleRegistrationsService(registrationsPerAddress, REGISTRATION_WINDOW, clock),
                        RegistrationLimits.defaults()))
                .addResource(new TokenResource(exchange, refresh))
                .addResource(new RevocationResource(revoke))
                .addProvider(OAuthErrorResponseFilter.class)
                .addProvider(BrowserClientCors.class)
                .build();
    }

    static final java.time.Duration REGISTRATION_WINDOW = java.time.Duration.ofMinutes(10);

    /** A registration rate that the ordinary tests never reach. */
    static int generousLimits() {
        return 10_000;
    }

    /** The browser half: authorization request + the user's approval; returns the code sent to the client. */
    String codeFor(String clientId, String redirectUri, String scope) {
        BeginAuthorization.Outcome outcome = begin.begin(new BeginAuthorization.Request(clientId, redirectUri, "code",
                scope, "xyz", CHALLENGE, "S256", null));
        assertThat(outcome).isInstanceOf(BeginAuthorization.Outcome.ShowConsent.class);
        AuthorizationResponse response =
                approve.approve(alice, ((BeginAuthorization.Outcome.ShowConsent) outcome).request());
        assertThat(response).isInstanceOf(AuthorizationResponse.RedirectTo.class);
        return ((AuthorizationResponse.RedirectTo) response).redirect().parameter("code").orElseThrow();
    }

    /** Registers a client through the use case; {@code authMethod} none, client_secret_post or _basic. */
    RegisterClient.Outcome.Registered registerClient(String authMethod, String redirectUri) {
        RegisterClient.Outcome outcome = register.register(new ClientRegistrationRequest("Test " + authMethod,
                List.of(redirectUri), List.of("authorization_code", "refresh_token"), List.of("code"), authMethod,
                null, null, null, null));
        assertThat(outcome).isInstanceOf(RegisterClient.Outcome.Registered.class);
        return (RegisterClient.Outcome.Registered) outcome;
    }

    ChainId chainOf(String accessToken) {
        return codec.claimsOf(accessToken).chainId();
    }

    boolean isRevoked(ChainId chain) {
        return chains.findById(chain).map(TokenChain::isRevoked).orElseThrow();
    }

    static Map<String, Object> body(Response response) {
        return parse(response.readEntity(String.class));
    }

    static Map<String, Object> parse(String text) {
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + text, e);
        }
    }
}
