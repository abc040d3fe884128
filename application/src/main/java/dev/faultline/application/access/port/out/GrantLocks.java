package dev.faultline.application.access.port.out;

import dev.faultline.domain.account.UserId;

/**
 * Serialises revoking a person's grants with issuing new ones (authorization codes, token chains and their
 * refreshes, personal tokens, browser sessions), per person. Every use case that issues a grant takes
 * {@link #lockForIssuing} and every revocation of a person's grants takes {@link #lockForRevoking}, explicitly, in
 * the unit of work that writes; so a revocation never misses a grant being written meanwhile, and no grant can be
 * issued in the middle of a revocation.
 *
 * <p>Inside a unit of work a lock is held until the unit ends (committed or rolled back). Outside one a call waits
 * exactly as it would inside, and holds nothing once it returns. Different people never wait for each other; a unit
 * of work never waits for a lock it already holds (it may issue and then revoke for the same person). The person
 * must be known to the store. The contract suite {@code GrantLocksContract} proves each of these on every adapter.
 *
 * <p>Lock order, so that the two never deadlock: a unit of work takes this lock before any other lock it needs on
 * a grant (the revocation before deleting codes, the code exchange before marking its code redeemed).
 */
public interface GrantLocks {
    /** Waits until no other unit of work is issuing a grant of {@code user}, and keeps new issuers waiting. */
    void lockForRevoking(UserId user);

    /**
     * Waits while {@code user}'s grants are being revoked, and keeps a revocation waiting until this unit of work
     * ends. Issuers share it.
     */
    void lockForIssuing(UserId user);
}
