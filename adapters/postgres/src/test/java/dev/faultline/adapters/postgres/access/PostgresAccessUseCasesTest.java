package dev.faultline.adapters.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.JdbiTransactions;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.RevokeAllAccessService;
import dev.faultline.application.access.CreatePersonalTokenService;
import dev.faultline.application.access.ApproveAuthorizationService;
import dev.faultline.application.access.BeginAuthorizationService;
import dev.faultline.application.access.ExchangeAuthorizationCodeService;
import dev.faultline.application.access.PurgeExpiredGrantsService;
import dev.faultline.application.access.RefreshTokensService;
import dev.faultline.application.access.RegisterClientService;
import dev.faultline.application.access.RevokeIntegrationService;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.testing.FakeAccessTokenCodec;
import dev.faultline.application.access.testing.FakeSecretGenerator;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.testing.Race;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access use cases on PostgreSQL with real units of work: the code redemption and the chain it starts
 * commit together, and the code-replay race is settled by the database.
 */
class PostgresAccessUseCasesTest {
    static final TestDatabase db = TestDatabases.fresh();
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String REDIRECT = "http://127.0.0.1:41000/callback";

    final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    final AccessPolicy policy = AccessPolicy.defaults("https://faultline.example");
    final PostgresClients clients = new PostgresClients(db.jdbi());
    final PostgresAuthorizationCodes codes = new PostgresAuthorizationCodes(db.jdbi());
    final PostgresTokenChains chains = new PostgresTokenChains(db.jdbi());
    final JdbiTransactions transactions = new JdbiTransactions(db.jdbi());
    final PostgresGrantLocks locks = new PostgresGrantLocks(db.jdbi());
    final FakeSecretGenerator secrets = new FakeSecretGenerator();
    final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();
    final ExchangeAuthorizationCodeService exchange = new ExchangeAuthorizationCodeService(clients, codes, chains,
            locks, secrets, codec, transactions, policy, clock);
    final RefreshTokensService refresh = new RefreshTokensService(clients, chains, locks, secrets, codec,
            transactions, policy, clock);
    UserId user;
    Client client;

    @BeforeEach
    void setUp() {
        db.truncateAll();
        user = AccessTestUsers.insert(db);
        RegisterClient.Outcome registered = new RegisterClientService(clients, secrets, clock).register(
                new ClientRegistrationRequest("Claude", List.of("http://127.0.0.1/callback"),
                        List.of("authorization_code", "refresh_token"), null, "none", null, null, null, null));
        client = ((RegisterClient.Outcome.Registered) registered).client();
    }

    private String code() {
        BeginAuthorization.Outcome consent = new BeginAuthorizationService(clients, policy).begin(
                new BeginAuthorization.Request(client.id().value(), REDIRECT, "code", "mcp:read mcp:write", "s",
                        PkceChallenge.derivedFrom(VERIFIER).value(), "S256", null));
        AuthorizationResponse approved = new ApproveAuthorizationService(clients, codes, locks, secrets, transactions,
                policy, clock).approve(user, ((BeginAuthorization.Outcome.ShowConsent) consent).request());
        return ((AuthorizationResponse.RedirectTo) approved).redirect().parameter("code").orElseThrow();
    }

    private TokenOutcome exchange(String code) {
        return exchange.exchange(new ExchangeAuthorizationCode.Command(ClientCredentials.publicClient(client.id()),
                Optional.of(code), Optional.of(REDIRECT), Optional.of(VERIFIER), Optional.empty()));
    }

    @Test
    void the_whole_flow_then_a_code_replay_revokes_the_chain() {
        String code = code();
        TokenOutcome.Tokens tokens = ((TokenOutcome.Issued) exchange(code)).tokens();
        assertThat(clients.findById(client.id()).orElseThrow().firstAuthorizedAt()).contains(clock.instant());

        clock.advance(Duration.ofMinutes(1));
        TokenOutcome rotated = refresh.refresh(new RefreshTokens.Command(ClientCredentials.publicClient(client.id()),
                Optional.of(tokens.refreshToken()), Optional.of("mcp:read"), Optional.empty()));
        assertThat(rotated).isInstanceOf(TokenOutcome.Issued.class);

        TokenOutcome replay = exchange(code);
        assertThat(replay).isInstanceOf(TokenOutcome.Failed.class);
        TokenChain chain = chains.findById(tokens.chainId()).orElseThrow();
        assertThat(chain.revocation().orElseThrow().reason()).isEqualTo(RevocationReason.CODE_REPLAY);
        assertThat(chain.generation()).isEqualTo(2);
    }

    @Test
    void two_concurrent_exchanges_of_one_code_give_tokens_once_and_revoke_them() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String code = code();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TokenOutcome>> attempts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return exchange(code);
                    }));
                }
                start.countDown();
                List<TokenOutcome> outcomes = new ArrayList<>();
                for (Future<TokenOutcome> attempt : attempts) {
                    outcomes.add(attempt.get(20, TimeUnit.SECONDS));
                }
                List<TokenOutcome.Issued> issued = outcomes.stream().filter(TokenOutcome.Issued.class::isInstance)
                        .map(TokenOutcome.Issued.class::cast).toList();
                assertThat(issued).as("round %d", round).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof TokenOutcome.Failed f
                        && f.error() == TokenOutcome.Error.INVALID_GRANT).as("round %d", round).hasSize(1);
                assertThat(chains.findById(issued.get(0).tokens().chainId()).orElseThrow().isRevoked())
                        .as("round %d: the replay revoked the winner's chain", round).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The person revokes the app while it is exchanging a code it was just given: whichever commits first, no grant
     * survives. Discarding the code waits for a redemption in flight, and the chain it produced is then revoked.
     */
    @Test
    void revoking_an_app_while_it_redeems_a_code_leaves_no_active_grant() throws Exception {
        RevokeIntegrationService revoke = new RevokeIntegrationService(locks, codes, chains, transactions, clock);
        for (int round = 0; round < 20; round++) {
            String code = code();
            List<Boolean> exchanged = Race.concurrently(2, index -> index == 0
                    ? exchange(code) instanceof TokenOutcome.Issued
                    : revoke.revoke(user, client.id()).revokedChains() > 0);

            assertThat(chains.listActiveFor(user, clock.instant())).as("round %d: %s", round, exchanged).isEmpty();
            assertThat(exchange(code)).as("round %d", round).isInstanceOf(TokenOutcome.Failed.class);
        }
    }

    /**
     * The worst interleaving, forced: the code is redeemed and its chain written but not yet committed when the
     * revocation starts. The revocation must wait for that commit and then revoke the new chain.
     */
    @Test
    void a_revocation_that_meets_an_uncommitted_redemption_waits_for_it_and_revokes_its_chain() throws Exception {
        RevokeIntegrationService revoke = new RevokeIntegrationService(locks, codes, chains, transactions, clock);
        String code = code();
        CountDownLatch redeemed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TokenOutcome> exchanging = pool.submit(() -> transactions.inTransaction(() -> {
                TokenOutcome outcome = exchange(code);
                redeemed.countDown();
                awaitQuietly(commit);
                return outcome;
            }));
            assertThat(redeemed.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Integer> revoking = pool.submit(() -> revoke.revoke(user, client.id()).revokedChains());
            awaitOneSessionWaitingForALock();
            commit.countDown();

            TokenChain chain = chains.findById(((TokenOutcome.Issued) exchanging.get(60, TimeUnit.SECONDS)).tokens()
                    .chainId()).orElseThrow();
            assertThat(revoking.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(chains.findById(chain.id()).orElseThrow().isRevoked()).isTrue();
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * A personal token (and a code) being created while the person revokes everything: the revocation waits for
     * the creation in flight and revokes what it wrote.
     */
    @Test
    void revoke_all_waits_for_a_personal_token_and_a_code_being_issued_and_revokes_them() throws Exception {
        PostgresPersonalTokens personalTokens = new PostgresPersonalTokens(db.jdbi());
        RevokeAllAccessService revokeAll = new RevokeAllAccessService(locks, codes, chains, personalTokens,
                new PostgresBrowserSessions(db.jdbi()), transactions, clock);
        CreatePersonalTokenService createToken = new CreatePersonalTokenService(personalTokens, locks, secrets,
                transactions, clock);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> issuing = pool.submit(() -> transactions.inTransaction(() -> {
                String token = createToken.create(CreatePersonalToken.Command.of(user, "laptop", "mcp:read", null))
                        .token();
                String code = code();
                written.countDown();
                awaitQuietly(commit);
                return code + " " + token;
            }));
            assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
            Future<RevokeAllAccess.Result> revoking = pool.submit(() ->
                    revokeAll.revokeAll(RevokeAllAccess.Command.appsAndTokens(user)));
            awaitOneSessionWaitingForALock();
            commit.countDown();

            String[] issued = issuing.get(60, TimeUnit.SECONDS).split(" ");
            assertThat(revoking.get(60, TimeUnit.SECONDS).revokedPersonalTokens()).isEqualTo(1);
            assertThat(personalTokens.listForUser(user)).singleElement()
                    .satisfies(token -> assertThat(token.revokedAt()).isPresent());
            assertThat(exchange(issued[0])).as("the code approved meanwhile").isInstanceOf(TokenOutcome.Failed.class);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * Holds the transaction open until released. The limit only guards against a hung test: were it reached on a
     * slow machine, the transaction would commit before the revocation waited for it and the test would fail for
     * the wrong reason, so it is far longer than any run needs.
     */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until PostgreSQL reports a backend blocked on a lock: the revocation has reached the redeemed code's row. */
    private static void awaitOneSessionWaitingForALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // failure-only: a slow CI start is fine
        while (System.nanoTime() < deadline) {
            int waiting = db.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                    .mapTo(Integer.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the revocation never waited for the grant being issued");
    }

    @Test
    void purge_runs_in_batches_on_the_database() {
        String code = code();
        exchange(code);
        new RegisterClientService(clients, secrets, clock).register(new ClientRegistrationRequest("Unused",
                List.of("https://unused.example/cb"), null, null, "none", null, null, null, null));
        clock.advance(Duration.ofDays(8));

        var result = new PurgeExpiredGrantsService(clients, codes, chains, policy, clock).purge();

        assertThat(result.codes()).isEqualTo(1);
        assertThat(result.clients()).isEqualTo(1);
        assertThat(result.chains()).isZero();
        assertThat(clients.findById(client.id())).isPresent();
    }
}
