package dev.faultline.application.access.port.in;

import dev.faultline.domain.access.BrowserSessionId;
import java.util.function.Function;

/** Sign out: the browser's session stops working on every instance at once. Idempotent. */
public interface EndBrowserSession {
    Outcome end(String sessionSecret);

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Ended, R> ended, Function<NothingToEnd, R> nothingToEnd);

        record Ended(BrowserSessionId sessionId) implements Outcome {
            @Override
            public <R> R fold(Function<Ended, R> ended, Function<NothingToEnd, R> nothingToEnd) {
                return ended.apply(this);
            }
        }

        /** No live session behind that secret (already ended, unknown, or none presented). */
        record NothingToEnd() implements Outcome {
            @Override
            public <R> R fold(Function<Ended, R> ended, Function<NothingToEnd, R> nothingToEnd) {
                return nothingToEnd.apply(this);
            }
        }
    }
}
