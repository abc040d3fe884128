package dev.faultline.bootstrap.wiring;

import dev.faultline.application.access.EndBrowserSessionService;
import dev.faultline.application.access.PurgeEndedBrowserSessionsService;
import dev.faultline.application.access.ResolveBrowserSessionService;
import dev.faultline.application.access.StartBrowserSessionService;
import dev.faultline.application.access.port.in.EndBrowserSession;
import dev.faultline.application.access.port.in.PurgeEndedBrowserSessions;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.access.port.in.StartBrowserSession;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.BrowserSession;
import java.time.Clock;

/** Server-side, revocable browser sessions for the sign-in and consent pages. */
public record BrowserSessionUseCases(StartBrowserSession start, ResolveBrowserSession resolve, EndBrowserSession end,
                                     PurgeEndedBrowserSessions purge) {

    static BrowserSessionUseCases wire(BrowserSessions sessions, GrantLocks locks, Users users, SecretGenerator secrets,
                                       Transactions transactions, BrowserSession.Lifetimes lifetimes, Clock clock) {
        return new BrowserSessionUseCases(
                new StartBrowserSessionService(sessions, locks, secrets, transactions, lifetimes, clock),
                new ResolveBrowserSessionService(sessions, users, lifetimes, clock),
                new EndBrowserSessionService(sessions, clock),
                new PurgeEndedBrowserSessionsService(sessions, clock));
    }
}
