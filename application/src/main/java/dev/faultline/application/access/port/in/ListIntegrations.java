package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** My Integrations: one row per client the user has an active grant with. */
public interface ListIntegrations {
    /** Most recently approved first. */
    List<Integration> listFor(UserId user);

    /**
     * @param scopes          union of the scopes of the client's active chains for this user
     * @param lastApprovedAt  the most recent consent
     * @param lastUsedAt      the most recent refresh, if any
     * @param activeSessions  how many active chains the client holds for this user
     * @param endsAt          when the last of those grants ends (its absolute lifetime), however often refreshed
     * @param verifiedOrigin  for a client identified by its metadata document, the host of its client ID URL
     *                        (as the consent page shows it); empty for a registered client
     */
    record Integration(ClientId clientId, String clientName, boolean selfRegistered, String redirectHost,
            Scopes scopes, Instant lastApprovedAt, Optional<Instant> lastUsedAt, int activeSessions,
            Instant endsAt, Optional<String> verifiedOrigin) {
        public Integration {
            java.util.Objects.requireNonNull(verifiedOrigin, "verifiedOrigin");
        }
    }
}
