package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * My Integrations' security events: connections Faultline cut off itself because a token was presented twice,
 * which is what a stolen token looks like. Shown so that the person notices theft and knows which app it was.
 * Events stay until the revoked chain is purged (the retention period).
 */
public interface ListSecurityEvents {
    /** At most {@link #LIMIT} events, newest first. */
    List<SecurityEvent> listFor(UserId user);

    int LIMIT = 20;

    /**
     * @param clientName     the client's self-chosen name, or empty when the client no longer exists
     * @param selfRegistered false when the client no longer exists (nothing is known of it then)
     */
    record SecurityEvent(Instant at, Kind kind, ClientId clientId, Optional<String> clientName,
            boolean selfRegistered) {
    }

    enum Kind {
        /** A refresh token that had already been exchanged was presented again. */
        REFRESH_TOKEN_REUSED,
        /** An authorization code that had already been exchanged was presented again. */
        AUTHORIZATION_CODE_REPLAYED
    }
}
