package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.BrowserSessionId;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * After a successful sign-in: start a fresh browser session and hand out its secret, once, for the cookie.
 * Against session fixation the browser's previous session (if it presented one) is ended in the same unit of
 * work, whoever it belonged to; a new sign-in never reuses a session.
 */
public interface StartBrowserSession {
    Started start(Command command);

    /** @param previousSecret the session cookie the browser sent along with the sign-in, if any */
    record Command(UserId user, Optional<String> previousSecret) {
        public Command {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(previousSecret, "previousSecret");
        }

        @Override
        public String toString() {
            return "StartBrowserSession.Command[user=" + user + ", previousSecret=" + previousSecret.map(s -> "redacted")
                    + "]";
        }
    }

    /** @param secret the cookie value; shown this once, only its hash is stored */
    record Started(BrowserSessionId sessionId, String secret, Instant expiresAt) {
        public Started {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Started[sessionId=" + sessionId + ", secret=redacted, expiresAt=" + expiresAt + "]";
        }
    }
}
