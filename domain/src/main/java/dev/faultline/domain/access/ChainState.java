package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What deciding on one of a chain's access tokens needs of the chain, and nothing else: who, which client and
 * resource, the grant's scopes, whether and when it stops working, and its last recorded use. It holds no refresh
 * token hash and none of the chain's history, so it is safe to keep in memory ({@link TokenChain#state()}).
 */
public record ChainState(
        ChainId id,
        ClientId clientId,
        UserId userId,
        Scopes scopes,
        ProtectedResource audience,
        Optional<Revocation> revocation,
        Instant refreshExpiresAt,
        Instant grantEndsAt,
        Optional<Instant> lastUsedAt) {

    public ChainState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
        Objects.requireNonNull(grantEndsAt, "grantEndsAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    public boolean isRevoked() {
        return revocation.isPresent();
    }

    /** Active: neither revoked nor past its refresh expiry. */
    public boolean isActiveAt(Instant now) {
        return !isRevoked() && now.isBefore(refreshExpiresAt);
    }

    /** See {@link TokenChain#admit}. */
    public AccessAdmission admit(AccessTokenClaims claims, Instant now) {
        if (!claims.chainId().equals(id)) {
            return new AccessAdmission.Refused(AccessAdmission.Refusal.NOT_THIS_GRANT);
        }
        if (!isActiveAt(now)) {
            return new AccessAdmission.Refused(isRevoked() ? AccessAdmission.Refusal.GRANT_REVOKED
                    : !now.isBefore(grantEndsAt) ? AccessAdmission.Refusal.GRANT_ENDED
                    : AccessAdmission.Refusal.GRANT_EXPIRED);
        }
        if (!userId.equals(claims.subject()) || !clientId.equals(claims.clientId())
                || !audience.equals(claims.audience())) {
            return new AccessAdmission.Refused(AccessAdmission.Refusal.NOT_THIS_GRANT);
        }
        return claims.scopes().intersection(scopes)
                .<AccessAdmission>map(AccessAdmission.Admitted::new)
                .orElse(new AccessAdmission.Refused(AccessAdmission.Refusal.NO_SCOPE_OF_THE_GRANT));
    }

    /** True when the last recorded use is older than {@link TokenChain#USE_RECORDING_INTERVAL} (or there is none). */
    public boolean shouldRecordUse(Instant now) {
        return lastUsedAt.map(used -> used.isBefore(now.minus(TokenChain.USE_RECORDING_INTERVAL))).orElse(true);
    }

    /** The same state with its last use at {@code now}. */
    public ChainState usedAt(Instant now) {
        return new ChainState(id, clientId, userId, scopes, audience, revocation, refreshExpiresAt, grantEndsAt,
                Optional.of(now));
    }
}
