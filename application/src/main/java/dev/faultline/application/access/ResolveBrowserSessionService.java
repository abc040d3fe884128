package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.CsrfToken;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public class ResolveBrowserSessionService implements ResolveBrowserSession {
    /** No real secret is longer; anything longer is refused before hashing. */
    static final int MAX_SECRET_LENGTH = 200;

    private final BrowserSessions sessions;
    private final Users users;
    private final BrowserSession.Lifetimes lifetimes;
    private final Clock clock;

    public ResolveBrowserSessionService(BrowserSessions sessions, Users users, BrowserSession.Lifetimes lifetimes,
            Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.users = Objects.requireNonNull(users);
        this.lifetimes = Objects.requireNonNull(lifetimes);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Outcome resolve(String sessionSecret) {
        if (!SecretKind.BROWSER_SESSION.hasPrefix(sessionSecret) || sessionSecret.length() > MAX_SECRET_LENGTH) {
            return new Outcome.NotSignedIn();
        }
        Optional<BrowserSession> found = sessions.findByHash(TokenHash.of(sessionSecret));
        if (found.isEmpty()) {
            return new Outcome.NotSignedIn();
        }
        Instant now = clock.instant();
        return found.get().presentAt(now).fold(
                active -> signedIn(active.session(), sessionSecret, now),
                revoked -> new Outcome.NotSignedIn(),
                timedOut -> new Outcome.NotSignedIn(),
                expired -> new Outcome.NotSignedIn());
    }

    private Outcome signedIn(BrowserSession session, String sessionSecret, Instant now) {
        Optional<User> user = users.findById(session.user());
        if (user.isEmpty()) {
            return new Outcome.NotSignedIn();
        }
        if (session.shouldTouch(now)) {
            BrowserSession seen = session.seenAt(now, lifetimes);
            sessions.touch(session.id(), seen.lastSeenAt(), seen.idleExpiresAt(),
                    now.minus(BrowserSession.TOUCH_INTERVAL));
        }
        return new Outcome.SignedIn(user.get().id(), user.get().email(), user.get().displayName(), session.id(),
                CsrfToken.boundTo(sessionSecret));
    }
}
