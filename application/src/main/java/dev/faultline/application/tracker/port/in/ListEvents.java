package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.IssueId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The events of one issue, newest first, paged with an opaque cursor. */
public interface ListEvents {
    Outcome listEvents(Command command);

    record Command(UserId actor, IssueId issueId, int limit, Optional<String> cursor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            Paging.checkPageSize(limit);
            cursor = Paging.checkCursor(Objects.requireNonNull(cursor, "cursor"));
        }

        public static Command firstPage(UserId actor, IssueId issueId) {
            return new Command(actor, issueId, Paging.DEFAULT_PAGE_SIZE, Optional.empty());
        }
    }

    sealed interface Outcome {
        record Page(List<Event> events, Optional<String> nextCursor) implements Outcome {
            public Page {
                events = List.copyOf(events);
            }
        }

        record IssueNotFound(IssueId issueId) implements Outcome {
        }

        record InvalidCursor(String reason) implements Outcome {
        }
    }
}
