package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.MuteRule;
import java.time.Instant;
import java.util.Objects;

/** Mute an issue for ever, until a moment, or until N more events arrive. */
public interface MuteIssue {
    Outcome muteIssue(Command command);

    record Command(UserId actor, IssueId issueId, MuteRule rule) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            Objects.requireNonNull(rule, "rule");
        }
    }

    sealed interface Outcome {
        record Muted(Issue issue) implements Outcome {
        }

        /** Muting until a moment that has already come is refused; nothing changed. */
        record UntilTimeNotInFuture(Instant until, Instant now) implements Outcome {
        }

        record NotFound(IssueId issueId) implements Outcome {
        }
    }
}
