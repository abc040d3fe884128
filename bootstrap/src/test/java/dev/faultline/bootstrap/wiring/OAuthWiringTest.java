package dev.faultline.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.postgres.testing.Eventually;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.port.in.AuthenticateBearer;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.RevokeToken;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth use cases as production wires them: real ES256 JWTs, keys in PostgreSQL, real transactions. */
class OAuthWiringTest {
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String REDIRECT = "http://127.0.0.1:43110/callback";

    private FaultlineConfiguration configuration;
    private Faultline faultline;
    private UserId alice;

    @BeforeEach
    void open() {
        TestDatabase database = TestDatabases.freshEmpty();
        configuration = new FaultlineConfiguration();
        configuration.setPublicBaseUrl("https://faultline.example");
        configuration.getDatabase().setUrl(database.jdbcUrl());
        configuration.getDatabase().setUser("postgres");
        faultline = Faultline.open(configuration, new MetricRegistry());
        alice = ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of("alice@example.com", "Alice", "correct horse battery"))).userId();
    }

    @AfterEach
    void close() {
        faultline.close();
    }

    @Test
    void the_whole_grant_works_with_signed_tokens_and_revocation_is_immediate() {
        Client client = register(faultline);
        TokenOutcome.Tokens tokens = tokens(client, "mcp:read mcp:write");

        String[] jwt = tokens.accessToken().split("\\.");
        assertThat(jwt).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(jwt[0]));
        String payload = new String(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header).contains("\"typ\":\"at+jwt\"", "\"alg\":\"ES256\"");
        assertThat(payload).contains("\"aud\":\"https://faultline.example/mcp\"", "\"iss\":\"https://faultline.example\"");

        AuthenticateBearer.Caller caller = caller(faultline, tokens.accessToken());
        assertThat(caller.user()).isEqualTo(alice);
        assertThat(caller.scopes()).isEqualTo(Scopes.READ_WRITE);

        TokenOutcome refreshed = faultline.oauth().refreshTokens().refresh(new RefreshTokens.Command(
                ClientCredentials.publicClient(client.id()), Optional.of(tokens.refreshToken()),
                Optional.of("mcp:read"), Optional.empty()));
        TokenOutcome.Tokens narrowed = ((TokenOutcome.Issued) refreshed).tokens();
        assertThat(caller(faultline, narrowed.accessToken()).scopes()).isEqualTo(Scopes.READ_ONLY);

        faultline.oauth().revokeToken().revoke(new RevokeToken.Command(
                ClientCredentials.publicClient(client.id()), Optional.of(narrowed.refreshToken()),
                Optional.of("refresh_token")));
        assertThat(faultline.authenticateBearer().authenticate(narrowed.accessToken()))
                .isInstanceOf(AuthenticateBearer.Outcome.Refused.class);
        assertThat(faultline.authenticateBearer().authenticate(tokens.accessToken()))
                .isInstanceOf(AuthenticateBearer.Outcome.Refused.class);
    }

    /**
     * The second instance keeps the grant's state once its feed is live, and refuses the token once it has heard the
     * revocation's notice (that is when it forgets the state). Asked at once, it answered from the store only while
     * its feed was still connecting: the test raced the notice and failed when the feed won.
     */
    @Test
    void another_instance_on_the_same_database_verifies_the_tokens_and_refuses_them_once_it_has_heard_the_revocation() {
        Client client = register(faultline);
        TokenOutcome.Tokens tokens = tokens(client, null);

        try (Faultline second = Faultline.open(configuration, new MetricRegistry())) {
            Eventually.await(() -> second.chainStates().isLive(), "the second instance listening for chain changes");
            assertThat(caller(second, tokens.accessToken()).user()).isEqualTo(alice);
            assertThat(second.chainStates().holds(tokens.chainId())).as("the second keeps the grant's state").isTrue();

            faultline.oauth().revokeIntegration().revoke(alice, client.id());
            Eventually.await(() -> !second.chainStates().holds(tokens.chainId()),
                    "the second instance forgetting the grant's state on the revocation's notice");
            assertThat(second.authenticateBearer().authenticate(tokens.accessToken()))
                    .isInstanceOf(AuthenticateBearer.Outcome.Refused.class);
        }
    }

    @Test
    void instances_signing_natively_and_with_the_jdk_accept_each_others_tokens() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        org.junit.jupiter.api.Assumptions.assumeTrue(linuxX64, "the native provider ships for Linux on x86-64");
        assertThat(faultline.signatures().isNative()).as(faultline.signatures().description()).isTrue();
        Client client = register(faultline);
        TokenOutcome.Tokens signedNatively = tokens(client, null);
        FaultlineConfiguration jdkOnly = new FaultlineConfiguration();
        jdkOnly.setPublicBaseUrl(configuration.getPublicBaseUrl());
        jdkOnly.getDatabase().setUrl(configuration.getDatabase().getUrl());
        jdkOnly.getDatabase().setUser("postgres");
        jdkOnly.getAccess().setNativeSignatures(false);

        try (Faultline second = Faultline.open(jdkOnly, new MetricRegistry())) {
            assertThat(second.signatures().isNative()).isFalse();
            assertThat(caller(second, signedNatively.accessToken()).user()).isEqualTo(alice);
            TokenOutcome refreshed = second.oauth().refreshTokens().refresh(new RefreshTokens.Command(
                    ClientCredentials.publicClient(client.id()), Optional.of(signedNatively.refreshToken()),
                    Optional.empty(), Optional.empty()));
            String signedByTheJdk = ((TokenOutcome.Issued) refreshed).tokens().accessToken();
            assertThat(caller(faultline, signedByTheJdk).user()).isEqualTo(alice);
        }
    }

    private static Client register(Faultline faultline) {
        RegisterClient.Outcome outcome = faultline.oauth().registerClient().register(new ClientRegistrationRequest(
                "Claude Code", List.of(REDIRECT), List.of("authorization_code", "refresh_token"), List.of("code"),
                "none", null, null, null, "native"));
        return ((RegisterClient.Outcome.Registered) outcome).client();
    }

    private TokenOutcome.Tokens tokens(Client client, String scope) {
        BeginAuthorization.Outcome begun = faultline.oauth().beginAuthorization().begin(new BeginAuthorization.Request(
                client.id().value(), REDIRECT, "code", scope, "state-1", PkceChallenge.derivedFrom(VERIFIER).value(),
                "S256", null));
        BeginAuthorization.ValidRequest request = ((BeginAuthorization.Outcome.ShowConsent) begun).request();
        AuthorizationResponse response = faultline.oauth().approveAuthorization().approve(alice, request);
        String code = ((AuthorizationResponse.RedirectTo) response).redirect().parameter("code").orElseThrow();
        TokenOutcome outcome = faultline.oauth().exchangeAuthorizationCode().exchange(new ExchangeAuthorizationCode.Command(
                ClientCredentials.publicClient(client.id()), Optional.of(code), Optional.of(REDIRECT),
                Optional.of(VERIFIER), Optional.empty()));
        assertThat(outcome).as(outcome.toString()).isInstanceOf(TokenOutcome.Issued.class);
        return ((TokenOutcome.Issued) outcome).tokens();
    }

    private static AuthenticateBearer.Caller caller(Faultline faultline, String token) {
        AuthenticateBearer.Outcome outcome = faultline.authenticateBearer().authenticate(token);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(AuthenticateBearer.Outcome.Authenticated.class);
        return ((AuthenticateBearer.Outcome.Authenticated) outcome).caller();
    }
}
