package dev.faultline.domain.access;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A signed-in browser, kept on the server so that signing out (or an operator) ends it for real. The cookie
 * carries a secret ({@link SecretKind#BROWSER_SESSION}); only its hash is kept here. A session ends at the
 * first of: revocation, {@code idle} without a request, or {@code absolute} after sign-in. Immutable: every
 * change yields a new value for the repository to store.
 *
 * @param idleExpiresAt when the session times out unless seen again; never after {@code expiresAt}
 * @param expiresAt     the absolute end, fixed at sign-in
 */
public record BrowserSession(BrowserSessionId id, TokenHash tokenHash, UserId user, Instant createdAt,
        Instant lastSeenAt, Instant idleExpiresAt, Instant expiresAt, Optional<Instant> revokedAt) {

    /**
     * Rule "record activity coarsely": the last-seen time is written at most once per interval, so a busy
     * browser costs one write per five minutes, not one per page. Idle expiry is that much less precise.
     */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    public BrowserSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        createdAt = Times.micros(Objects.requireNonNull(createdAt, "createdAt"));
        lastSeenAt = Times.micros(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
        idleExpiresAt = Times.micros(Objects.requireNonNull(idleExpiresAt, "idleExpiresAt"));
        expiresAt = Times.micros(Objects.requireNonNull(expiresAt, "expiresAt"));
        revokedAt = Objects.requireNonNull(revokedAt, "revokedAt").map(Times::micros);
        if (lastSeenAt.isBefore(createdAt) || !idleExpiresAt.isAfter(lastSeenAt) || idleExpiresAt.isAfter(expiresAt)) {
            throw new IllegalArgumentException("a session is seen after it starts and times out after it was seen,"
                    + " no later than its absolute end");
        }
    }

    /** Starts a session at {@code now}. */
    public static BrowserSession start(BrowserSessionId id, TokenHash tokenHash, UserId user, Lifetimes lifetimes,
            Instant now) {
        Instant expiresAt = now.plus(lifetimes.absolute());
        return new BrowserSession(id, tokenHash, user, now, now, earliest(now.plus(lifetimes.idle()), expiresAt),
                expiresAt, Optional.empty());
    }

    /** Rule "revoked beats expired, absolute beats idle": what presenting the session's cookie at {@code now} yields. */
    public Presence presentAt(Instant now) {
        if (revokedAt.isPresent()) {
            return new Presence.Revoked(revokedAt.get());
        }
        if (!now.isBefore(expiresAt)) {
            return new Presence.Expired(expiresAt);
        }
        if (!now.isBefore(idleExpiresAt)) {
            return new Presence.TimedOut(idleExpiresAt);
        }
        return new Presence.Active(this);
    }

    /** See {@link #TOUCH_INTERVAL}. */
    public boolean shouldTouch(Instant now) {
        return lastSeenAt.isBefore(now.minus(TOUCH_INTERVAL));
    }

    /** Seen again at {@code now}: the idle time-out restarts, but never runs past the absolute end. */
    public BrowserSession seenAt(Instant now, Lifetimes lifetimes) {
        return new BrowserSession(id, tokenHash, user, createdAt, now, earliest(now.plus(lifetimes.idle()), expiresAt),
                expiresAt, revokedAt);
    }

    /** Rule "revocation is final": revoking twice keeps the first time. */
    public BrowserSession revokedAt(Instant now) {
        return revokedAt.isPresent() ? this
                : new BrowserSession(id, tokenHash, user, createdAt, lastSeenAt, idleExpiresAt, expiresAt, Optional.of(now));
    }

    /** Rule "purge after retention": revoked, timed out or expired before {@code cutoff}. */
    public boolean endedBefore(Instant cutoff) {
        return revokedAt.filter(at -> at.isBefore(cutoff)).isPresent() || idleExpiresAt.isBefore(cutoff);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** What presenting a session cookie yields. */
    public sealed interface Presence {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Active, R> active, Function<Revoked, R> revoked, Function<TimedOut, R> timedOut,
                Function<Expired, R> expired);

        record Active(BrowserSession session) implements Presence {
            @Override
            public <R> R fold(
                    Function<Active, R> active, Function<Revoked, R> revoked, Function<TimedOut, R> timedOut,
                    Function<Expired, R> expired) {
                return active.apply(this);
            }
        }

        record Revoked(Instant at) implements Presence {
            @Override
            public <R> R fold(
                    Function<Active, R> active, Function<Revoked, R> revoked, Function<TimedOut, R> timedOut,
                    Function<Expired, R> expired) {
                return revoked.apply(this);
            }
        }

        /** Not seen for the idle lifetime. */
        record TimedOut(Instant at) implements Presence {
            @Override
            public <R> R fold(
                    Function<Active, R> active, Function<Revoked, R> revoked, Function<TimedOut, R> timedOut,
                    Function<Expired, R> expired) {
                return timedOut.apply(this);
            }
        }

        /** Reached its absolute lifetime. */
        record Expired(Instant at) implements Presence {
            @Override
            public <R> R fold(
                    Function<Active, R> active, Function<Revoked, R> revoked, Function<TimedOut, R> timedOut,
                    Function<Expired, R> expired) {
                return expired.apply(this);
            }
        }
    }

    /**
     * How long sessions last: {@code idle} without a request (default 12 h), {@code absolute} after sign-in
     * however active (default 7 days).
     */
    public record Lifetimes(Duration idle, Duration absolute) {
        public static final Duration DEFAULT_IDLE = Duration.ofHours(12);
        public static final Duration DEFAULT_ABSOLUTE = Duration.ofDays(7);

        public Lifetimes {
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(absolute, "absolute");
            if (idle.compareTo(TOUCH_INTERVAL) <= 0 || absolute.compareTo(idle) < 0) {
                throw new IllegalArgumentException("the idle lifetime must exceed " + TOUCH_INTERVAL
                        + " and the absolute lifetime must be at least the idle one; were " + idle + ", " + absolute);
            }
        }

        public static Lifetimes defaults() {
            return new Lifetimes(DEFAULT_IDLE, DEFAULT_ABSOLUTE);
        }
    }

    /** No hash: a hash in a log is one step closer to a guessable secret than nothing. */
    @Override
    public String toString() {
        return "BrowserSession[id=" + id + ", user=" + user + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt
                + ", idleExpiresAt=" + idleExpiresAt + ", expiresAt=" + expiresAt + ", revokedAt=" + revokedAt + "]";
    }
}
