package dev.faultline.domain.access;

import java.util.function.Function;

/** The outcome of a client authenticating at the token or revocation endpoint. */
public sealed interface ClientAuthentication {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused);

    record Authenticated(Client client) implements ClientAuthentication {
        @Override
        public <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused) {
            return authenticated.apply(this);
        }
    }

    /** {@code description} says what was wrong without revealing the registered secret or its hash. */
    record Refused(String description) implements ClientAuthentication {
        @Override
        public <R> R fold(Function<Authenticated, R> authenticated, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }
}
