package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.access.CsrfToken;
import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is this browser? Takes the raw session cookie (or {@code null}) and answers with the signed-in user and
 * the session's CSRF token, or {@link Outcome.NotSignedIn} for a missing, unknown, revoked, timed-out or expired
 * session (deliberately one answer). Records activity at most once per
 * {@link dev.faultline.domain.access.BrowserSession#TOUCH_INTERVAL}.
 */
public interface ResolveBrowserSession {
    Outcome resolve(String sessionSecret);

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<SignedIn, R> signedIn, Function<NotSignedIn, R> notSignedIn);

        /** The signed-in session, or empty for every way of not being signed in. */
        default Optional<SignedIn> signedIn() {
            return fold(Optional::of, notSignedIn -> Optional.empty());
        }

        /** @param csrf what every form of this session must post back */
        record SignedIn(UserId user, EmailAddress email, DisplayName displayName, BrowserSessionId sessionId,
                CsrfToken csrf) implements Outcome {
            @Override
            public <R> R fold(Function<SignedIn, R> signedIn, Function<NotSignedIn, R> notSignedIn) {
                return signedIn.apply(this);
            }
        }

        record NotSignedIn() implements Outcome {
            @Override
            public <R> R fold(Function<SignedIn, R> signedIn, Function<NotSignedIn, R> notSignedIn) {
                return notSignedIn.apply(this);
            }
        }
    }
}
