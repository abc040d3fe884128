package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.CsrfToken;
import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;

/**
 * Who is this browser? Takes the raw session cookie (or {@code null}) and answers with the signed-in user and
 * the session's CSRF token, or {@link Outcome.NotSignedIn} for a missing, unknown, revoked, timed-out or expired
 * session (deliberately one answer). Records activity at most once per
 * {@link dev.faultline.domain.access.BrowserSession#TOUCH_INTERVAL}.
 */
public interface ResolveBrowserSession {
    Outcome resolve(String sessionSecret);

    sealed interface Outcome {
        /** @param csrf what every form of this session must post back */
        record SignedIn(UserId user, EmailAddress email, DisplayName displayName, BrowserSessionId sessionId,
                CsrfToken csrf) implements Outcome {
        }

        record NotSignedIn() implements Outcome {
        }
    }
}
