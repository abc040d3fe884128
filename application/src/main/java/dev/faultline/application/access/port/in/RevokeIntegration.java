package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.account.UserId;

/** The user revokes a client: every chain of that client for that user ends at once. */
public interface RevokeIntegration {
    Result revoke(UserId user, ClientId client);

    /** {@code revokedChains}: 0 when there was nothing active (not an error). */
    record Result(int revokedChains) {
    }
}
