package dev.faultline.domain.access;

import java.util.Objects;
import java.util.function.Function;

/** Whether a token chain admits one of its access tokens ({@link TokenChain#admit}). */
public sealed interface AccessAdmission {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(Function<Admitted, R> admitted, Function<Refused, R> refused);

    /** Admitted with {@code scopes}: what the token claims, as far as the grant allows. */
    record Admitted(Scopes scopes) implements AccessAdmission {
        public Admitted {
            Objects.requireNonNull(scopes, "scopes");
        }

        @Override
        public <R> R fold(Function<Admitted, R> admitted, Function<Refused, R> refused) {
            return admitted.apply(this);
        }
    }

    record Refused(Refusal refusal) implements AccessAdmission {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R fold(Function<Admitted, R> admitted, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }

    /** Why an access token is refused by its chain. */
    enum Refusal {
        /** The grant was revoked (by the person, the client, or for a theft signal). */
        GRANT_REVOKED,
        /** The grant reached its absolute end. */
        GRANT_ENDED,
        /**
         * The grant's refresh token expired. An access token that is itself unexpired never meets this while
         * access tokens live no longer than refresh tokens, which the configuration enforces.
         */
        GRANT_EXPIRED,
        /** The token names another person, client, resource or chain than the grant. */
        NOT_THIS_GRANT,
        /** The token claims nothing the grant allows. */
        NO_SCOPE_OF_THE_GRANT
    }
}
