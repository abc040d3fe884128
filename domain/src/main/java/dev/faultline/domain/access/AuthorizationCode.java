package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A one-time authorization code (RFC 6749 §4.1.2): bound to the client, the exact redirect URI presented at
 * the authorization endpoint, the approving user, the approved scopes and resource, and a PKCE challenge.
 * Lives at most {@link #MAX_LIFETIME}. Redeemed once; a second redemption is a replay, and the chain the first
 * redemption produced must be revoked.
 */
public record AuthorizationCode(
        TokenHash codeHash,
        ClientId clientId,
        UserId userId,
        RedirectUri redirectUri,
        Scopes scopes,
        ProtectedResource resource,
        PkceChallenge challenge,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> redeemedAt,
        Optional<ChainId> producedChain) {

    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    public AuthorizationCode {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redeemedAt, "redeemedAt");
        Objects.requireNonNull(producedChain, "producedChain");
        if (!expiresAt.isAfter(issuedAt) || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("an authorization code lives more than 0 and at most 60 seconds");
        }
        if (producedChain.isPresent() && redeemedAt.isEmpty()) {
            throw new IllegalArgumentException("only a redeemed code has produced a chain");
        }
    }

    public static AuthorizationCode issue(TokenHash codeHash, ClientId clientId, UserId userId, RedirectUri redirectUri,
            Scopes scopes, ProtectedResource resource, PkceChallenge challenge, Instant now, Duration lifetime) {
        return new AuthorizationCode(codeHash, clientId, userId, redirectUri, scopes, resource, challenge, now,
                now.plus(lifetime), Optional.empty(), Optional.empty());
    }

    public boolean isRedeemed() {
        return redeemedAt.isPresent();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Redeems the code at the token endpoint. The replay check comes first: any second presentation is a theft
     * signal, whoever sends it. On success the redeemed code names the new chain it produces.
     */
    public Redemption redeem(ClientId presentingClient, String presentedRedirectUri, String verifier, Instant now) {
        if (isRedeemed()) {
            return new Redemption.Replayed(producedChain);
        }
        if (!clientId.equals(presentingClient)) {
            return new Redemption.ClientMismatch();
        }
        if (isExpiredAt(now)) {
            return new Redemption.Expired(expiresAt);
        }
        if (!redirectUri.value().equals(presentedRedirectUri)) { // exact: the code is bound to the string sent
            return new Redemption.RedirectMismatch();
        }
        return challenge.verify(verifier).fold(
                matches -> redeemedAt(now),
                doesNotMatch -> new Redemption.VerifierMismatch("code_verifier does not match the code_challenge"),
                malformed -> new Redemption.VerifierMismatch(malformed.description()));
    }

    private Redemption redeemedAt(Instant now) {
        ChainId chain = ChainId.random();
        return new Redemption.Redeemed(new AuthorizationCode(codeHash, clientId, userId, redirectUri, scopes,
                resource, challenge, issuedAt, expiresAt, Optional.of(now), Optional.of(chain)), chain);
    }

    /** The outcome of presenting a code at the token endpoint. */
    public sealed interface Redemption {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed);

        record Redeemed(AuthorizationCode code, ChainId chainId) implements Redemption {
            @Override
            public <R> R fold(
                    Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                    Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                    Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed) {
                return redeemed.apply(this);
            }
        }

        record Expired(Instant expiredAt) implements Redemption {
            @Override
            public <R> R fold(
                    Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                    Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                    Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed) {
                return expired.apply(this);
            }
        }

        record ClientMismatch() implements Redemption {
            @Override
            public <R> R fold(
                    Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                    Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                    Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed) {
                return clientMismatch.apply(this);
            }
        }

        record RedirectMismatch() implements Redemption {
            @Override
            public <R> R fold(
                    Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                    Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                    Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed) {
                return redirectMismatch.apply(this);
            }
        }

        record VerifierMismatch(String description) implements Redemption {
            @Override
            public <R> R fold(
                    Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                    Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                    Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed) {
                return verifierMismatch.apply(this);
            }
        }

        /** The code was already redeemed; {@code chainId} is the chain that redemption produced, if known. */
        record Replayed(Optional<ChainId> chainId) implements Redemption {
            @Override
            public <R> R fold(
                    Function<Redeemed, R> redeemed, Function<Expired, R> expired,
                    Function<ClientMismatch, R> clientMismatch, Function<RedirectMismatch, R> redirectMismatch,
                    Function<VerifierMismatch, R> verifierMismatch, Function<Replayed, R> replayed) {
                return replayed.apply(this);
            }
        }
    }
}
