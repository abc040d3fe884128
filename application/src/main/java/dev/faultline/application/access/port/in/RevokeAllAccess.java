package dev.faultline.application.access.port.in;

import dev.faultline.domain.account.UserId;

/**
 * The user cuts off every connection at once: every OAuth grant of every client and every personal token. Each
 * stops working on the next request on every instance. All or nothing.
 */
public interface RevokeAllAccess {
    Result revokeAll(UserId user);

    /** How many connections ended; both 0 when there was nothing active (not an error). */
    record Result(int revokedChains, int revokedPersonalTokens) {
    }
}
