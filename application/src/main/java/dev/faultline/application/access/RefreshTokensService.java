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
import dev.faultline.domain.access.ClientAuthentication;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.ProtectedResource;
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
        ClientAuthentication authentication = authenticator.authenticate(command.credentials());
        if (authentication instanceof ClientAuthentication.Refused refused) {
            return failed(TokenOutcome.Error.INVALID_CLIENT, refused.description());
        }
        Client client = ((ClientAuthentication.Authenticated) authentication).client();
        if (!client.allows(GrantType.REFRESH_TOKEN)) {
            return failed(TokenOutcome.Error.UNAUTHORIZED_CLIENT, "this client is not registered for the refresh_token grant");
        }
        if (policy.mcpResource().resolve(command.resource())
                instanceof ProtectedResource.Resolution.NotServed notServed) {
            return failed(TokenOutcome.Error.INVALID_TARGET, notServed.description());
        }
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
            RefreshOutcome outcome = chain.refresh(presented, next, requested, now, policy.rotationPolicy());
            if (outcome instanceof RefreshOutcome.Rotated rotated) {
                if (chains.rotate(chain.id(), chain.currentRefresh(), rotated.chain())) {
                    return new TokenOutcome.Issued(
                            accessTokens.issue(rotated.chain(), rotated.accessTokenScopes(), nextToken, now));
                }
                Optional<TokenChain> reloaded = chains.findById(chain.id());
                if (reloaded.isEmpty()) {
                    return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised");
                }
                chain = reloaded.get();
                continue;
            }
            return refused(outcome);
        }
        return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token is being used concurrently; try again");
    }

    private TokenOutcome refused(RefreshOutcome outcome) {
        if (outcome instanceof RefreshOutcome.ReuseDetected reuse) {
            chains.revoke(reuse.chain().id(), reuse.revocation());
            return failed(TokenOutcome.Error.INVALID_GRANT, REUSED);
        }
        if (outcome instanceof RefreshOutcome.JustRotated) {
            return failed(TokenOutcome.Error.INVALID_GRANT, JUST_ROTATED);
        }
        if (outcome instanceof RefreshOutcome.ChainRevoked) {
            return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token has been revoked");
        }
        if (outcome instanceof RefreshOutcome.GrantEnded ended) {
            return failed(TokenOutcome.Error.INVALID_GRANT, "this grant ended at " + ended.endedAt() + " (grants last "
                    + policy.grantLifetime().toDays() + " days however often they are refreshed); authorize again");
        }
        if (outcome instanceof RefreshOutcome.Expired) {
            return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token expired; sign in again");
        }
        if (outcome instanceof RefreshOutcome.ScopeWidening widening) {
            return failed(TokenOutcome.Error.INVALID_SCOPE, "scope \"" + widening.requested()
                    + "\" exceeds the scope granted (\"" + widening.granted() + "\"); a refresh may only narrow it");
        }
        return failed(TokenOutcome.Error.INVALID_GRANT, "refresh token is not recognised");
    }

    private static TokenOutcome failed(TokenOutcome.Error error, String description) {
        return new TokenOutcome.Failed(error, description);
    }
}
