package dev.faultline.application.access.port.out;

import dev.faultline.domain.account.UserId;

/**
 * Serialises revoking a person's grants with issuing new ones (authorization codes, token chains, personal
 * tokens), per person. Both take effect inside a unit of work and last until it ends; outside one they have none.
 *
 * <p>Lock order, so that the two never deadlock: a unit of work takes this lock before any other lock it needs on
 * a grant (the revocation before deleting codes, the code exchange before marking its code redeemed).
 */
public interface GrantLocks {
    /** Waits until no other unit of work is issuing a grant of {@code user}, and keeps new issuers waiting. */
    void lockForRevoking(UserId user);

    /**
     * Waits while {@code user}'s grants are being revoked, and keeps a revocation waiting until this unit of work
     * ends. Issuers may share it. (A plain insert of a grant row takes it implicitly.)
     */
    void lockForIssuing(UserId user);
}
