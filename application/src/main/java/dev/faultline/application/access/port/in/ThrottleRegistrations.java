package dev.faultline.application.access.port.in;

import java.time.Duration;

/**
 * Dynamic client registration is open to anyone, so each client address may register only so many clients per
 * window. Every registration attempt counts, whatever it carries.
 */
public interface ThrottleRegistrations {
    Admission admit(String clientAddress);

    sealed interface Admission {
        record Admitted() implements Admission {
        }

        /** {@code retryAfter}: when the oldest counted attempt leaves the window. */
        record Limited(Duration retryAfter) implements Admission {
        }
    }
}
