package dev.faultline.application.access;

import dev.faultline.application.access.port.in.EndBrowserSession;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

public class EndBrowserSessionService implements EndBrowserSession {
    private final BrowserSessions sessions;
    private final Clock clock;

    public EndBrowserSessionService(BrowserSessions sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Outcome end(String sessionSecret) {
        if (!SecretKind.BROWSER_SESSION.hasPrefix(sessionSecret)
                || sessionSecret.length() > ResolveBrowserSessionService.MAX_SECRET_LENGTH) {
            return new Outcome.NothingToEnd();
        }
        Optional<BrowserSession> found = sessions.findByHash(TokenHash.of(sessionSecret));
        if (found.isPresent() && sessions.revoke(found.get().id(), clock.instant())) {
            return new Outcome.Ended(found.get().id());
        }
        return new Outcome.NothingToEnd();
    }
}
