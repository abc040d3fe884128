package dev.faultline.domain.access;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a client identified itself at the token or revocation endpoint, read once by the HTTP adapter: its id
 * alone (a public client, method {@code none}), or its id and secret in an HTTP Basic header
 * ({@code client_secret_basic}) or in the form body ({@code client_secret_post}). One variant per method, so a
 * secret cannot come without a method nor a public client with a secret. Whether the method and secret are
 * acceptable for the client is {@link Client#authenticate}'s decision. No secret appears in toString.
 */
public sealed interface ClientCredentials {
    ClientId clientId();

    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(
            Function<PublicClient, R> publicClient, Function<SecretBasic, R> secretBasic,
            Function<SecretPost, R> secretPost);

    /** The method the client used, e.g. to say which one when it is not the registered one. */
    default ClientAuthMethod methodUsed() {
        return fold(publicClient -> ClientAuthMethod.NONE, secretBasic -> ClientAuthMethod.CLIENT_SECRET_BASIC,
                secretPost -> ClientAuthMethod.CLIENT_SECRET_POST);
    }

    /** The secret as sent (possibly empty), or empty for a public client. */
    default Optional<String> secret() {
        return fold(publicClient -> Optional.empty(), secretBasic -> Optional.of(secretBasic.presentedSecret()),
                secretPost -> Optional.of(secretPost.presentedSecret()));
    }

    static ClientCredentials publicClient(ClientId clientId) {
        return new PublicClient(clientId);
    }

    /** {@code client_id} alone, in the form body: method {@code none}. */
    record PublicClient(ClientId clientId) implements ClientCredentials {
        public PublicClient {
            Objects.requireNonNull(clientId, "clientId");
        }

        @Override
        public <R> R fold(
                Function<PublicClient, R> publicClient, Function<SecretBasic, R> secretBasic,
                Function<SecretPost, R> secretPost) {
            return publicClient.apply(this);
        }
    }

    /** Id and secret from the HTTP Basic header (already form-urldecoded): {@code client_secret_basic}. */
    record SecretBasic(ClientId clientId, String presentedSecret) implements ClientCredentials {
        public SecretBasic {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(presentedSecret, "presentedSecret");
        }

        @Override
        public <R> R fold(
                Function<PublicClient, R> publicClient, Function<SecretBasic, R> secretBasic,
                Function<SecretPost, R> secretPost) {
            return secretBasic.apply(this);
        }

        @Override
        public String toString() {
            return "SecretBasic[clientId=" + clientId + ", secret=<redacted>]";
        }
    }

    /** {@code client_id} and {@code client_secret} in the form body: {@code client_secret_post}. */
    record SecretPost(ClientId clientId, String presentedSecret) implements ClientCredentials {
        public SecretPost {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(presentedSecret, "presentedSecret");
        }

        @Override
        public <R> R fold(
                Function<PublicClient, R> publicClient, Function<SecretBasic, R> secretBasic,
                Function<SecretPost, R> secretPost) {
            return secretPost.apply(this);
        }

        @Override
        public String toString() {
            return "SecretPost[clientId=" + clientId + ", secret=<redacted>]";
        }
    }
}
