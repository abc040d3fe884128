package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.AuthorizationCode.Redemption;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.GrantType;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

public class ExchangeAuthorizationCodeService implements ExchangeAuthorizationCode {
    static final String UNKNOWN_CODE = "authorization code is not recognised";
    static final String REPLAYED_CODE =
            "authorization code was already used; every token issued for it has been revoked";

    private final ClientAuthenticator authenticator;
    private final AuthorizationCodes codes;
    private final TokenChains chains;
    private final GrantLocks locks;
    private final SecretGenerator secrets;
    private final AccessTokenIssuer accessTokens;
    private final Transactions transactions;
    private final AccessPolicy policy;
    private final Clock clock;

    public ExchangeAuthorizationCodeService(Clients clients, AuthorizationCodes codes, TokenChains chains,
            GrantLocks locks, SecretGenerator secrets, AccessTokenCodec codec, Transactions transactions, AccessPolicy policy,
            Clock clock) {
        this(ClientDirectory.registeredOnly(clients), codes, chains, locks, secrets, codec, transactions, policy, clock);
    }

    public ExchangeAuthorizationCodeService(ClientDirectory clients, AuthorizationCodes codes, TokenChains chains,
            GrantLocks locks, SecretGenerator secrets, AccessTokenCodec codec, Transactions transactions, AccessPolicy policy,
            Clock clock) {
        this.authenticator = new ClientAuthenticator(clients);
        this.codes = Objects.requireNonNull(codes);
        this.chains = Objects.requireNonNull(chains);
        this.locks = Objects.requireNonNull(locks);
        this.secrets = Objects.requireNonNull(secrets);
        this.accessTokens = new AccessTokenIssuer(codec, policy);
        this.transactions = Objects.requireNonNull(transactions);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public TokenOutcome exchange(Command command) {
        if (command.code().isEmpty()) {
            return failed(TokenOutcome.Error.INVALID_REQUEST, "code is required");
        }
        if (command.redirectUri().isEmpty()) {
            return failed(TokenOutcome.Error.INVALID_REQUEST, "redirect_uri is required");
        }
        if (command.codeVerifier().isEmpty()) {
            return failed(TokenOutcome.Error.INVALID_REQUEST, "code_verifier is required (PKCE)");
        }
        return authenticator.authenticate(command.credentials()).fold(
                authenticated -> exchange(authenticated.client(), command),
                refused -> failed(TokenOutcome.Error.INVALID_CLIENT, refused.description()));
    }

    private TokenOutcome exchange(Client client, Command command) {
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return failed(TokenOutcome.Error.UNAUTHORIZED_CLIENT,
                    "this client is not registered for the authorization_code grant");
        }
        return policy.mcpResource().resolve(command.resource()).fold(
                served -> redeem(client, command),
                notServed -> failed(TokenOutcome.Error.INVALID_TARGET, notServed.description()));
    }

    private TokenOutcome redeem(Client client, Command command) {
        TokenHash codeHash = TokenHash.of(command.code().get());
        String redirectUri = command.redirectUri().get();
        String verifier = command.codeVerifier().get();
        String refreshToken = secrets.generate(SecretKind.REFRESH_TOKEN);
        Instant now = clock.instant();
        // The access token is signed after the unit of work commits: neither the connection nor the person's lock
        // waits for the signature, and no token is signed for a chain that was not stored.
        return transactions.inTransaction(() -> redeem(client, codeHash, redirectUri, verifier, refreshToken, now))
                .fold(started -> new TokenOutcome.Issued(
                                accessTokens.issue(started.chain(), started.chain().scopes(), refreshToken, now)),
                        refused -> refused);
    }

    private Decision redeem(Client client, TokenHash codeHash, String redirectUri, String verifier,
            String refreshToken, Instant now) {
        Optional<AuthorizationCode> stored = codes.findByHash(codeHash);
        if (stored.isEmpty()) {
            return refused(TokenOutcome.Error.INVALID_GRANT, UNKNOWN_CODE);
        }
        // Before marking the code redeemed (GrantLocks' order): a revocation of this person waits for the chain.
        locks.lockForIssuing(stored.get().userId());
        return stored.get().redeem(client.id(), redirectUri, verifier, now).fold(
                redeemed -> issue(redeemed, codeHash, refreshToken, now),
                expired -> refused(TokenOutcome.Error.INVALID_GRANT, "authorization code expired; codes are valid for "
                        + policy.codeLifetime().toSeconds() + " seconds"),
                clientMismatch -> refused(TokenOutcome.Error.INVALID_GRANT,
                        "authorization code was issued to another client"),
                redirectMismatch -> refused(TokenOutcome.Error.INVALID_GRANT,
                        "redirect_uri does not match the one used in the authorization request"),
                verifierMismatch -> refused(TokenOutcome.Error.INVALID_GRANT, verifierMismatch.description()),
                replay -> replayed(replay.chainId(), now));
    }

    private Decision issue(Redemption.Redeemed redeemed, TokenHash codeHash, String refreshToken, Instant now) {
        AuthorizationCode code = redeemed.code();
        if (!codes.markRedeemed(codeHash, now, redeemed.chainId())) {
            // Lost a race with a concurrent redemption: this request is the replay.
            return replayed(codes.findByHash(codeHash).flatMap(AuthorizationCode::producedChain), now);
        }
        TokenChain chain = TokenChain.start(redeemed.chainId(), code.clientId(), code.userId(), code.scopes(),
                code.resource(), TokenHash.of(refreshToken), now, policy.rotationPolicy());
        chains.add(chain);
        return new Started(chain);
    }

    private Decision replayed(Optional<ChainId> produced, Instant now) {
        produced.ifPresent(chainId -> chains.revoke(chainId, RevocationReason.CODE_REPLAY, now));
        return refused(TokenOutcome.Error.INVALID_GRANT, REPLAYED_CODE);
    }

    private static TokenOutcome failed(TokenOutcome.Error error, String description) {
        return new TokenOutcome.Failed(error, description);
    }

    private static Decision refused(TokenOutcome.Error error, String description) {
        return new Refused(new TokenOutcome.Failed(error, description));
    }

    /** What the unit of work decided: a chain started (its access token still to be signed), or a refusal. */
    private sealed interface Decision permits Started, Refused {
        <R> R fold(Function<Started, R> started, Function<TokenOutcome.Failed, R> refused);
    }

    private record Started(TokenChain chain) implements Decision {
        @Override
        public <R> R fold(Function<Started, R> started, Function<TokenOutcome.Failed, R> refused) {
            return started.apply(this);
        }
    }

    private record Refused(TokenOutcome.Failed failure) implements Decision {
        @Override
        public <R> R fold(Function<Started, R> started, Function<TokenOutcome.Failed, R> refused) {
            return refused.apply(failure);
        }
    }
}
