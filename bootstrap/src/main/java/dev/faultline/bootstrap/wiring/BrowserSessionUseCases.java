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
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.storage.Storage;
import dev.faultline.domain.access.BrowserSession;
import java.time.Clock;

/** Server-side, revocable browser sessions for the sign-in and consent pages. */
public record BrowserSessionUseCases(StartBrowserSession start, ResolveBrowserSession resolve, EndBrowserSession end,
                                     PurgeEndedBrowserSessions purge) {

    static BrowserSessionUseCases wire(Storage storage, SecretGenerator secrets, BrowserSession.Lifetimes lifetimes,
                                       Clock clock) {
        BrowserSessions sessions = storage.browserSessions();
        return new BrowserSessionUseCases(
                new StartBrowserSessionService(sessions, storage.grantLocks(), secrets, storage.transactions(), lifetimes,
                        clock),
                new ResolveBrowserSessionService(sessions, storage.users(), lifetimes, clock),
                new EndBrowserSessionService(sessions, clock),
                new PurgeEndedBrowserSessionsService(sessions, clock));
    }
}
