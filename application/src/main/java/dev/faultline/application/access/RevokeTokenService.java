package dev.faultline.application.access;

import dev.faultline.application.access.port.in.RevokeToken;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.RevocationReason;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 7009. The token type hint only orders the lookups (§2.1: the server may ignore it); both kinds are tried.
 * An access token is recognised by verifying it with the codec, so an expired access token is treated as
 * unknown: it can do no harm, and its chain's refresh token can still be revoked.
 */
public class RevokeTokenService implements RevokeToken {
    private final ClientAuthenticator authenticator;
    private final TokenChains chains;
    private final AccessTokenCodec codec;
    private final AccessPolicy policy;
    private final Clock clock;

    public RevokeTokenService(Clients clients, TokenChains chains, AccessTokenCodec codec, AccessPolicy policy,
            Clock clock) {
        this(ClientDirectory.registeredOnly(clients), chains, codec, policy, clock);
    }

    public RevokeTokenService(ClientDirectory clients, TokenChains chains, AccessTokenCodec codec,
            AccessPolicy policy, Clock clock) {
        this.authenticator = new ClientAuthenticator(clients);
        this.chains = Objects.requireNonNull(chains);
        this.codec = Objects.requireNonNull(codec);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Outcome revoke(Command command) {
        if (command.token().isEmpty()) {
            return new Outcome.Failed(TokenOutcome.Error.INVALID_REQUEST, "token is required");
        }
        return authenticator.authenticate(command.credentials()).fold(
                authenticated -> revoke(authenticated.client(), command),
                refused -> new Outcome.Failed(TokenOutcome.Error.INVALID_CLIENT, refused.description()));
    }

    private Outcome revoke(Client client, Command command) {
        Instant now = clock.instant();
        String token = command.token().get();
        boolean refreshFirst = command.tokenTypeHint().filter("access_token"::equals).isEmpty()
                || SecretKind.REFRESH_TOKEN.hasPrefix(token);
        Optional<TokenChain> chain = refreshFirst
                ? byRefreshToken(token).or(() -> byAccessToken(token, now))
                : byAccessToken(token, now).or(() -> byRefreshToken(token));
        Optional<ChainId> revoked = chain
                .filter(c -> c.clientId().equals(client.id())) // another client's token: ignored, not revoked
                .filter(c -> !c.isRevoked())
                .map(c -> {
                    chains.revoke(c.id(), RevocationReason.CLIENT_REVOKED, now);
                    return c.id();
                });
        return new Outcome.Accepted(revoked);
    }

    private Optional<TokenChain> byRefreshToken(String token) {
        return chains.findIssuedRefresh(TokenHash.of(token)).flatMap(issued -> chains.findById(issued.chainId()));
    }

    private Optional<TokenChain> byAccessToken(String token, Instant now) {
        return codec.verify(token, policy.issuer(), policy.mcpResource(), now).fold(
                valid -> chains.findById(valid.claims().chainId())
                        .filter(chain -> chain.clientId().equals(valid.claims().clientId())),
                invalid -> Optional.empty());
    }
}
