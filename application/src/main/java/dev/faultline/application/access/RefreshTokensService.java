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
import dev.faultline.domain.access.IssuedRefresh;
import dev.faultline.domain.access.RefreshOutcome;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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

        Optional<IssuedRefresh> presented = chains.findIssuedRefresh(TokenHash.of(command.refreshToken().get()));
        Optional<TokenChain> found = presented.flatMap(issued -> chains.findById(issued.chainId()));
        if (found.isEmpty()) {
            return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised");
        }
        if (!found.get().clientId().equals(client.id())) {
            return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token was issued to another client");
        }
        String nextToken = secrets.generate(SecretKind.REFRESH_TOKEN);
        return transactions.inTransaction(() -> rotate(found.get(), presented.get(), nextToken, requested));
    }

    private TokenOutcome rotate(TokenChain found, IssuedRefresh presented, String nextToken,
            Optional<Scopes> requested) {
        // First, as GrantLocks orders it: a revocation of this person either waits for the new token or comes first
        // (and then the rotation below finds the chain revoked).
        locks.lockForIssuing(found.userId());
        TokenHash next = TokenHash.of(nextToken);
        TokenChain chain = found;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Optional<TokenOutcome> answer = answer(chain, chain.refresh(presented, next, requested, now,
                    policy.rotationPolicy()), nextToken, now);
            if (answer.isPresent()) {
                return answer.get();
            }
            Optional<TokenChain> reloaded = chains.findById(chain.id());
            if (reloaded.isEmpty()) {
                return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised");
            }
            chain = reloaded.get();
        }
        return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token is being used concurrently; try again");
    }

    /** What to answer for {@code outcome}; empty when the rotation lost a race to a concurrent one (try again). */
    private Optional<TokenOutcome> answer(TokenChain chain, RefreshOutcome outcome, String nextToken, Instant now) {
        return outcome.fold(
                rotated -> chains.rotate(chain.id(), chain.currentRefresh(), rotated.chain())
                        ? Optional.of(new TokenOutcome.Issued(
                                accessTokens.issue(rotated.chain(), rotated.accessTokenScopes(), nextToken, now)))
                        : Optional.empty(),
                reuse -> {
                    chains.revoke(reuse.chain().id(), reuse.revocation());
                    return failure(TokenOutcome.Error.INVALID_GRANT, REUSED);
                },
                justRotated -> failure(TokenOutcome.Error.INVALID_GRANT, JUST_ROTATED),
                chainRevoked -> failure(TokenOutcome.Error.INVALID_GRANT, "refresh token has been revoked"),
                expired -> failure(TokenOutcome.Error.INVALID_GRANT, "refresh token expired; sign in again"),
                ended -> failure(TokenOutcome.Error.INVALID_GRANT, "this grant ended at " + ended.endedAt()
                        + " (grants last " + policy.grantLifetime().toDays()
                        + " days however often they are refreshed); authorize again"),
                unknown -> failure(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised"),
                widening -> failure(TokenOutcome.Error.INVALID_SCOPE, "scope \"" + widening.requested()
                        + "\" exceeds the scope granted (\"" + widening.granted() + "\"); a refresh may only narrow it"));
    }

    private static Optional<TokenOutcome> failure(TokenOutcome.Error error, String description) {
        return Optional.of(failed(error, description));
    }

    private static TokenOutcome failed(TokenOutcome.Error error, String description) {
        return new TokenOutcome.Failed(error, description);
    }
}
