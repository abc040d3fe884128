package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.RefreshOutcome;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

public class RefreshTokensService implements RefreshTokens {
    static final String REUSED =
            "refresh token was already used; the whole session has been revoked, sign in again";
    static final String JUST_ROTATED = "refresh token was just rotated by a concurrent refresh of this client;"
            + " use the refresh token that refresh returned (the session is still valid)";
    /** Each lost compare-and-set means someone else rotated first; with a strict policy one reload decides. */
    private static final int MAX_ATTEMPTS = 3;

    private final ClientAuthenticator authenticator;
    private final TokenChains chains;
    private final GrantLocks locks;
    private final SecretGenerator secrets;
    private final AccessTokenIssuer accessTokens;
    private final Transactions transactions;
    private final AccessPolicy policy;
    private final Clock clock;

    public RefreshTokensService(Clients clients, TokenChains chains, GrantLocks locks, SecretGenerator secrets,
            AccessTokenCodec codec, Transactions transactions, AccessPolicy policy, Clock clock) {
        this(ClientDirectory.registeredOnly(clients), chains, locks, secrets, codec, transactions, policy, clock);
    }

    public RefreshTokensService(ClientDirectory clients, TokenChains chains, GrantLocks locks, SecretGenerator secrets,
            AccessTokenCodec codec, Transactions transactions, AccessPolicy policy, Clock clock) {
        this.authenticator = new ClientAuthenticator(clients);
        this.chains = Objects.requireNonNull(chains);
        this.locks = Objects.requireNonNull(locks);
        this.secrets = Objects.requireNonNull(secrets);
        this.accessTokens = new AccessTokenIssuer(codec, policy);
        this.transactions = Objects.requireNonNull(transactions);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public TokenOutcome refresh(Command command) {
        if (command.refreshToken().isEmpty()) {
            return failed(TokenOutcome.Error.INVALID_REQUEST, "refresh_token is required");
        }
        return authenticator.authenticate(command.credentials()).fold(
                authenticated -> refresh(authenticated.client(), command),
                refused -> failed(TokenOutcome.Error.INVALID_CLIENT, refused.description()));
    }

    private TokenOutcome refresh(Client client, Command command) {
        if (!client.allows(GrantType.REFRESH_TOKEN)) {
            return failed(TokenOutcome.Error.UNAUTHORIZED_CLIENT, "this client is not registered for the refresh_token grant");
        }
        return policy.mcpResource().resolve(command.resource()).fold(
                served -> refreshFor(client, command),
                notServed -> failed(TokenOutcome.Error.INVALID_TARGET, notServed.description()));
    }

    private TokenOutcome refreshFor(Client client, Command command) {
        Optional<Scopes> requested;
        try {
            // Nothing but offline_access/openid asks for the scope already granted, like no scope at all.
            requested = Scopes.parseRequested(command.scope().orElse(null));
        } catch (InvalidValue e) {
            return failed(TokenOutcome.Error.INVALID_SCOPE, e.getMessage());
        }
        TokenHash presentedHash = TokenHash.of(command.refreshToken().get());
        String nextToken = secrets.generate(SecretKind.REFRESH_TOKEN);
        // One unit of work, so one connection, for the look-up, the lock and the compare-and-set; the access token
        // is signed after it commits, so neither the connection nor the person's lock waits for the signature.
        Decision decision = transactions.inTransaction(
                () -> decide(client, presentedHash, TokenHash.of(nextToken), requested));
        return decision.fold(
                rotated -> new TokenOutcome.Issued(accessTokens.issue(rotated.chain(), rotated.accessTokenScopes(),
                        nextToken, rotated.chain().currentIssuedAt())),
                refused -> refused);
    }

    private Decision decide(Client client, TokenHash presentedHash, TokenHash next, Optional<Scopes> requested) {
        Optional<TokenChains.Presented> presented = chains.findPresented(presentedHash);
        if (presented.isEmpty()) {
            return refused(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised");
        }
        TokenChain chain = presented.get().chain();
        if (!chain.clientId().equals(client.id())) {
            return refused(TokenOutcome.Error.INVALID_GRANT, "refresh token was issued to another client");
        }
        // First among the locks, as GrantLocks orders it: a revocation of this person either waits for the new token
        // or comes first (and then the rotation below finds the chain revoked).
        locks.lockForIssuing(chain.userId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Decision> decided = decide(chain, chain.refresh(presented.get().issued(), next, requested,
                    clock.instant(), policy.rotationPolicy()));
            if (decided.isPresent()) {
                return decided.get();
            }
            Optional<TokenChain> reloaded = chains.findById(chain.id());
            if (reloaded.isEmpty()) {
                return refused(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised");
            }
            chain = reloaded.get();
        }
        return refused(TokenOutcome.Error.INVALID_GRANT, "refresh token is being used concurrently; try again");
    }

    /** What {@code outcome} decides; empty when the rotation lost a race to a concurrent one (try again). */
    private Optional<Decision> decide(TokenChain chain, RefreshOutcome outcome) {
        return outcome.fold(
                rotated -> chains.rotate(chain.id(), chain.currentRefresh(), rotated.chain())
                        ? Optional.of(new Rotated(rotated))
                        : Optional.empty(),
                reuse -> {
                    chains.revoke(reuse.chain().id(), reuse.revocation());
                    return refusal(TokenOutcome.Error.INVALID_GRANT, REUSED);
                },
                justRotated -> refusal(TokenOutcome.Error.INVALID_GRANT, JUST_ROTATED),
                chainRevoked -> refusal(TokenOutcome.Error.INVALID_GRANT, "refresh token has been revoked"),
                expired -> refusal(TokenOutcome.Error.INVALID_GRANT, "refresh token expired; sign in again"),
                ended -> refusal(TokenOutcome.Error.INVALID_GRANT, "this grant ended at " + ended.endedAt()
                        + " (grants last " + policy.grantLifetime().toDays()
                        + " days however often they are refreshed); authorize again"),
                unknown -> refusal(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised"),
                widening -> refusal(TokenOutcome.Error.INVALID_SCOPE, "scope \"" + widening.requested()
                        + "\" exceeds the scope granted (\"" + widening.granted() + "\"); a refresh may only narrow it"));
    }

    private static Optional<Decision> refusal(TokenOutcome.Error error, String description) {
        return Optional.of(refused(error, description));
    }

    private static Decision refused(TokenOutcome.Error error, String description) {
        return new Refused(error, description);
    }

    private static TokenOutcome failed(TokenOutcome.Error error, String description) {
        return new TokenOutcome.Failed(error, description);
    }

    /**
     * What the unit of work decided: the chain rotated (the access token still to be signed), or a refusal, which
     * commits too (a reuse revokes the chain).
     */
    private sealed interface Decision permits Rotated, Refused {
        <R> R fold(Function<RefreshOutcome.Rotated, R> rotated, Function<TokenOutcome.Failed, R> refused);
    }

    private record Rotated(RefreshOutcome.Rotated outcome) implements Decision {
        @Override
        public <R> R fold(Function<RefreshOutcome.Rotated, R> rotated, Function<TokenOutcome.Failed, R> refused) {
            return rotated.apply(outcome);
        }
    }

    private record Refused(TokenOutcome.Failed failure) implements Decision {
        Refused(TokenOutcome.Error error, String description) {
            this(new TokenOutcome.Failed(error, description));
        }

        @Override
        public <R> R fold(Function<RefreshOutcome.Rotated, R> rotated, Function<TokenOutcome.Failed, R> refused) {
            return refused.apply(failure);
        }
    }
}
