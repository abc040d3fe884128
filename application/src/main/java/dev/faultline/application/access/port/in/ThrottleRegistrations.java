package dev.faultline.application.access.port.in;

import java.time.Duration;
import java.util.function.Function;

/**
 * Dynamic client registration is open to anyone, so each client address may register only so many clients per
 * window. Every registration attempt counts, whatever it carries.
 */
public interface ThrottleRegistrations {
    Admission admit(String clientAddress);

    sealed interface Admission {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Admitted, R> admitted, Function<Limited, R> limited);

        record Admitted() implements Admission {
            @Override
            public <R> R fold(Function<Admitted, R> admitted, Function<Limited, R> limited) {
                return admitted.apply(this);
            }
        }

        /** {@code retryAfter}: when the oldest counted attempt leaves the window. */
        record Limited(Duration retryAfter) implements Admission {
            @Override
            public <R> R fold(Function<Admitted, R> admitted, Function<Limited, R> limited) {
                return limited.apply(this);
            }
        }
    }
}
