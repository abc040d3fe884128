package dev.faultline.application.access.port.in;

import dev.faultline.domain.account.UserId;
import java.util.Objects;

/**
 * The user cuts off every connection at once: every OAuth grant of every client and every personal token, and
 * optionally every browser session of the account (someone holding a copied session cookie could mint a new
 * personal token otherwise; the browser that asked signs in afresh). Each stops working on the next request on
 * every instance. All or nothing.
 */
public interface RevokeAllAccess {
    Result revokeAll(Command command);

    record Command(UserId user, boolean endBrowserSessions) {
        public Command {
            Objects.requireNonNull(user, "user");
        }

        /** Apps and tokens only; every browser stays signed in. */
        public static Command appsAndTokens(UserId user) {
            return new Command(user, false);
        }

        /** Apps, tokens, and every browser session of the user, the caller's included. */
        public static Command everything(UserId user) {
            return new Command(user, true);
        }
    }

    /** How many connections ended; all 0 when there was nothing active (not an error). */
    record Result(int revokedChains, int revokedPersonalTokens, int endedBrowserSessions) {
    }
}
