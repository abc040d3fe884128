package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A long-lived token a user creates for a tool that cannot do OAuth: no refresh, no rotation, no audience
 * binding; the raw token is shown once at creation and only its SHA-256 is kept. Immutable: every change
 * yields a new value for the repository to store.
 */
public final class PersonalToken {
    /**
     * Rule "record use coarsely": last use is written at most once per interval, so a busy token costs one
     * write per five minutes, not one per request. The page shows "last used" to that precision.
     */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(5);

    private final PersonalTokenId id;
    private final UserId owner;
    private final PersonalTokenTitle title;
    private final Scopes scopes;
    private final TokenHash tokenHash;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant expiresAt;
    private final Instant revokedAt;

    /** Rebuilds a stored token; {@link #issue} creates a new one. Nullable: lastUsedAt, expiresAt, revokedAt. */
    public PersonalToken(PersonalTokenId id, UserId owner, PersonalTokenTitle title, Scopes scopes, TokenHash tokenHash,
                         Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.title = Objects.requireNonNull(title, "title");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = lastUsedAt;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new InvalidValue("expires_at", "a token must expire after it is created");
        }
    }

    /**
     * Rule "expiry is in the future": a token that would be born expired is refused.
     *
     * @param expiresAt when the token stops working, or empty for never
     */
    public static PersonalToken issue(PersonalTokenId id, UserId owner, PersonalTokenTitle title, Scopes scopes,
                                      TokenHash tokenHash, Optional<Instant> expiresAt, Instant now) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            throw new InvalidValue("expires_at", "a token's expiry must be in the future, was " + expiresAt.get());
        }
        return new PersonalToken(id, owner, title, scopes, tokenHash, now, null, expiresAt.orElse(null), null);
    }

    /** Rule "revoked beats expired": a revoked token is reported revoked whatever its expiry. */
    public Authentication authenticate(Instant now) {
        if (revokedAt != null) {
            return new Authentication.Revoked(revokedAt);
        }
        if (isExpiredAt(now)) {
            return new Authentication.Expired(expiresAt);
        }
        return new Authentication.Active(this);
    }

    /** Rule "revocation is final": revoking twice keeps the first time and says so. */
    public Revocation revoke(Instant now) {
        if (revokedAt != null) {
            return new Revocation.AlreadyRevoked(revokedAt);
        }
        return new Revocation.Revoked(new PersonalToken(id, owner, title, scopes, tokenHash, createdAt, lastUsedAt, expiresAt, now));
    }

    /** See {@link #USE_RECORDING_INTERVAL}. */
    public boolean shouldRecordUse(Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minus(USE_RECORDING_INTERVAL));
    }

    public PersonalToken usedAt(Instant now) {
        return new PersonalToken(id, owner, title, scopes, tokenHash, createdAt, now, expiresAt, revokedAt);
    }

    /** Rule "purge after retention": revoked or expired before {@code cutoff}; active tokens are never purged. */
    public boolean endedBefore(Instant cutoff) {
        return (revokedAt != null && revokedAt.isBefore(cutoff)) || (expiresAt != null && expiresAt.isBefore(cutoff));
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }

    public PersonalTokenId id() {
        return id;
    }

    public UserId owner() {
        return owner;
    }

    public PersonalTokenTitle title() {
        return title;
    }

    public Scopes scopes() {
        return scopes;
    }

    public TokenHash tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** What presenting the token at {@code now} yields. */
    public sealed interface Authentication {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Active, R> active, Function<Revoked, R> revoked, Function<Expired, R> expired);

        record Active(PersonalToken token) implements Authentication {
            @Override
            public <R> R fold(Function<Active, R> active, Function<Revoked, R> revoked, Function<Expired, R> expired) {
                return active.apply(this);
            }
        }

        record Revoked(Instant revokedAt) implements Authentication {
            @Override
            public <R> R fold(Function<Active, R> active, Function<Revoked, R> revoked, Function<Expired, R> expired) {
                return revoked.apply(this);
            }
        }

        record Expired(Instant expiredAt) implements Authentication {
            @Override
            public <R> R fold(Function<Active, R> active, Function<Revoked, R> revoked, Function<Expired, R> expired) {
                return expired.apply(this);
            }
        }
    }

    /** What revoking the token yields. */
    public sealed interface Revocation {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked);

        record Revoked(PersonalToken token) implements Revocation {
            @Override
            public <R> R fold(Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked) {
                return revoked.apply(this);
            }
        }

        record AlreadyRevoked(Instant revokedAt) implements Revocation {
            @Override
            public <R> R fold(Function<Revoked, R> revoked, Function<AlreadyRevoked, R> alreadyRevoked) {
                return alreadyRevoked.apply(this);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalToken other
                && id.equals(other.id) && owner.equals(other.owner) && title.equals(other.title)
                && scopes.equals(other.scopes) && tokenHash.equals(other.tokenHash) && createdAt.equals(other.createdAt)
                && Objects.equals(lastUsedAt, other.lastUsedAt) && Objects.equals(expiresAt, other.expiresAt)
                && Objects.equals(revokedAt, other.revokedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** No hash here: a hash in a log is one step closer to a guessable secret than nothing. */
    @Override
    public String toString() {
        return "PersonalToken[id=" + id + ", owner=" + owner + ", title=" + title + ", scopes=" + scopes
                + ", createdAt=" + createdAt + ", lastUsedAt=" + lastUsedAt + ", expiresAt=" + expiresAt
                + ", revokedAt=" + revokedAt + "]";
    }
}
