package dev.faultline.application.access;

import dev.faultline.application.access.port.in.StartBrowserSession;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

public class StartBrowserSessionService implements StartBrowserSession {
    private final BrowserSessions sessions;
    private final GrantLocks locks;
    private final SecretGenerator secrets;
    private final Transactions transactions;
    private final BrowserSession.Lifetimes lifetimes;
    private final Clock clock;

    public StartBrowserSessionService(BrowserSessions sessions, GrantLocks locks, SecretGenerator secrets,
            Transactions transactions, BrowserSession.Lifetimes lifetimes, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions);
        this.locks = Objects.requireNonNull(locks);
        this.secrets = Objects.requireNonNull(secrets);
        this.transactions = Objects.requireNonNull(transactions);
        this.lifetimes = Objects.requireNonNull(lifetimes);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Started start(Command command) {
        Instant now = clock.instant();
        String secret = secrets.generate(SecretKind.BROWSER_SESSION);
        BrowserSession session = BrowserSession.start(BrowserSessionId.random(), TokenHash.of(secret), command.user(),
                lifetimes, now);
        transactions.run(() -> {
            // First, as GrantLocks orders it: "revoke all" ending this person's sessions must not deadlock with us.
            locks.lockForIssuing(command.user());
            command.previousSecret().filter(SecretKind.BROWSER_SESSION::hasPrefix).map(TokenHash::of)
                    .flatMap(sessions::findByHash)
                    .ifPresent(previous -> sessions.revoke(previous.id(), now));
            sessions.add(session);
        });
        return new Started(session.id(), secret, session.expiresAt());
    }
}
