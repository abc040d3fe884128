package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import java.time.Instant;
import java.util.Optional;

/** The registered OAuth clients. */
public interface Clients {
    /** Stores a new client. A client id that is already taken is a programming error (IllegalStateException). */
    void add(Client client);

    Optional<Client> findById(ClientId id);

    /**
     * Stores a client identified by its metadata document, or replaces the stored copy's metadata (name,
     * redirect URIs, grant types, scope ceiling, URIs, application type) and registered-at (here: last resolved
     * at) with {@code client}'s. First-authorized-at of a stored copy is kept. Atomic: two concurrent calls for
     * one id leave one row, never an error.
     */
    void remember(Client client);

    /** Sets first-authorized-at to {@code at} unless it is already set (idempotent; the first time wins). */
    void markAuthorized(ClientId id, Instant at);

    /**
     * Deletes at most {@code limit} clients that were never authorized and registered before
     * {@code registeredBefore}. Returns how many were deleted; 0 once nothing is left. Never deletes a client
     * that has been authorized, even if the authorization happens while the purge runs.
     */
    int purgeAbandoned(Instant registeredBefore, int limit);
}
