package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.account.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * The user cuts off every connection at once: every OAuth grant of every client and every personal token, and
 * optionally every other browser signed in to the account (someone holding a stolen session cookie could mint a
 * new personal token otherwise). Each stops working on the next request on every instance. All or nothing.
 */
public interface RevokeAllAccess {
    Result revokeAll(Command command);

    /** @param keepSignedIn the session to keep when signing out every other browser; empty keeps all sessions */
    record Command(UserId user, boolean signOutOtherBrowsers, Optional<BrowserSessionId> keepSignedIn) {
        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(keepSignedIn, "keepSignedIn");
        }

        /** Apps and tokens only; every browser stays signed in. */
        public static Command appsAndTokens(UserId user) {
            return new Command(user, false, Optional.empty());
        }

        /** Apps, tokens, and every browser session of the user but {@code current}. */
        public static Command everythingBut(UserId user, BrowserSessionId current) {
            return new Command(user, true, Optional.of(current));
        }
    }

    /** How many connections ended; all 0 when there was nothing active (not an error). */
    record Result(int revokedChains, int revokedPersonalTokens, int endedBrowserSessions) {
    }
}
