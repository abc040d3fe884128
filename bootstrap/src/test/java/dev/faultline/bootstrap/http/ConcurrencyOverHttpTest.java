package dev.faultline.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.TestFaultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Races over real HTTP against the real server and database. Every assertion is an invariant that holds for
 * every interleaving: the requests of a race start together at a barrier, and time bounds only a failure.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrencyOverHttpTest {
    /**
     * The reuse grace at its maximum, so that every loser of a refresh race is answered inside it however slowly
     * this machine runs the race (which time bounds only as a failure, at 60 s per request). The default is shorter;
     * outside the grace, reuse revokes (TokenChainTest, TokenUseCasesTest, TokenChainsContract).
     */
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            ConfigOverride.config("access.refreshReuseGrace", "60s"));
    private static final int N = 16;
    private static final String EMAIL = "race@example.com";
    private static final String PASSWORD = "correct horse battery staple";
    private static String issuer;
    private static ExecutorService pool;

    @BeforeAll
    static void aPerson() {
        issuer = APP.getConfiguration().getPublicBaseUrl();
        ((FaultlineApplication) APP.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of(EMAIL, "Rae", PASSWORD));
        pool = Executors.newFixedThreadPool(N);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    /** A replayed code revokes the grant it produced: the winner's tokens die with it. */
    @Test
    void n_parallel_redemptions_of_one_code_one_wins_the_rest_are_invalid_grant_and_the_grant_is_revoked()
            throws Exception {
        OAuthClient client = OAuthClient.registerPublic(issuer);
        String code = client.authorize(new Browser(), EMAIL, PASSWORD, "mcp:read");

        List<HttpResponse<String>> outcomes = race(N, i -> client.exchange(code));

        List<HttpResponse<String>> won = outcomes.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r.statusCode() != 200).hasSize(N - 1)
                .allSatisfy(r -> assertInvalidGrant(r));
        JsonNode tokens = OAuthClient.json(won.get(0).body());
        assertDead(client, tokens.path("access_token").asText(), tokens.path("refresh_token").asText());
    }

    /**
     * Processes of one client refreshing with the same token at once (multi-process MCP clients do): one presentation
     * rotates; every other one presents the token just rotated away, inside the reuse grace, and is refused without
     * revoking anything, so the winner's new tokens keep working.
     */
    @Test
    void n_parallel_refreshes_of_one_token_one_wins_and_the_losers_revoke_nothing() throws Exception {
        OAuthClient client = OAuthClient.registerPublic(issuer);
        String refresh = OAuthClient.tokens(client.exchange(client.authorize(new Browser(), EMAIL, PASSWORD,
                "mcp:read"))).path("refresh_token").asText();

        List<HttpResponse<String>> outcomes = race(N, i -> client.refresh(refresh));

        List<HttpResponse<String>> won = outcomes.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r.statusCode() != 200).hasSize(N - 1)
                .allSatisfy(r -> assertInvalidGrant(r));
        JsonNode tokens = OAuthClient.json(won.get(0).body());
        HttpResponse<String> call = client.callTool("/mcp", tokens.path("access_token").asText(),
                "list_applications", "{}");
        assertThat(call.statusCode()).as("the winner's access token: %s", call.body()).isEqualTo(200);
        HttpResponse<String> next = client.refresh(tokens.path("refresh_token").asText());
        assertThat(next.statusCode()).as("the winner's refresh token: %s", next.body()).isEqualTo(200);
    }

    /** Whichever comes first, nothing of the grant works once both are done. */
    @Test
    void revocation_racing_a_refresh_leaves_nothing_of_the_grant_working() throws Exception {
        for (int round = 0; round < 8; round++) {
            OAuthClient client = round % 2 == 0 ? OAuthClient.registerPublic(issuer)
                    : OAuthClient.registerConfidential(issuer);
            JsonNode first = OAuthClient.tokens(client.exchange(client.authorize(new Browser(), EMAIL, PASSWORD,
                    "mcp:read")));
            String refresh = first.path("refresh_token").asText();

            List<HttpResponse<String>> outcomes = race(2, i -> i == 0 ? client.revoke(refresh) : client.refresh(refresh));

            assertThat(outcomes.get(0).statusCode()).as("round %d: revocation always answers 200", round)
                    .isEqualTo(200);
            HttpResponse<String> refreshed = outcomes.get(1);
            assertThat(refreshed.statusCode()).as("round %d", round).isIn(200, 400);
            if (refreshed.statusCode() == 200) {
                JsonNode next = OAuthClient.json(refreshed.body());
                assertDead(client, next.path("access_token").asText(), next.path("refresh_token").asText());
            } else {
                assertInvalidGrant(refreshed);
            }
            assertDead(client, first.path("access_token").asText(), refresh);
        }
    }

    private interface Request {
        HttpResponse<String> send(int index) throws Exception;
    }

    /** Sends {@code n} requests that start together; returns the responses in request order. */
    private static List<HttpResponse<String>> race(int n, Request request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<HttpResponse<String>> task = () -> {
                start.await(30, TimeUnit.SECONDS);
                return request.send(index);
            };
            futures.add(pool.submit(task));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(OAuthClient.json(response.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    /** The access token gets 401 at the MCP endpoint and the refresh token invalid_grant. */
    private static void assertDead(OAuthClient client, String accessToken, String refreshToken) {
        HttpResponse<String> call = client.callTool("/mcp", accessToken, "list_applications", "{}");
        assertThat(call.statusCode()).as(call.body()).isEqualTo(401);
        assertInvalidGrant(client.refresh(refreshToken));
    }
}
