package dev.faultline.domain.access;

import java.time.Instant;
import java.util.Objects;

/** When and why a chain was revoked. */
public record Revocation(RevocationReason reason, Instant at) {
    public Revocation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
