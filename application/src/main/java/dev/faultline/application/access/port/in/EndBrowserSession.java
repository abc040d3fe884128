package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.BrowserSessionId;

/** Sign out: the browser's session stops working on every instance at once. Idempotent. */
public interface EndBrowserSession {
    Outcome end(String sessionSecret);

    sealed interface Outcome {
        record Ended(BrowserSessionId sessionId) implements Outcome {
        }

        /** No live session behind that secret (already ended, unknown, or none presented). */
        record NothingToEnd() implements Outcome {
        }
    }
}
