package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Permission;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The events of one issue, newest first, paged with an opaque cursor. */
public interface ListEvents {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.READ;

    Outcome listEvents(Command command);

    record Command(Actor actor, IssueId issueId, int limit, Optional<String> cursor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(issueId, "issueId");
            Paging.checkPageSize(limit);
            cursor = Paging.checkCursor(Objects.requireNonNull(cursor, "cursor"));
        }

        public static Command firstPage(Actor actor, IssueId issueId) {
            return new Command(actor, issueId, Paging.DEFAULT_PAGE_SIZE, Optional.empty());
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                Function<IssueNotFound, R> issueNotFound, Function<InvalidCursor, R> invalidCursor);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<IssueNotFound, R> issueNotFound, Function<InvalidCursor, R> invalidCursor) {
                return notPermitted.apply(this);
            }
        }

        record Page(List<Event> events, Optional<String> nextCursor) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<IssueNotFound, R> issueNotFound, Function<InvalidCursor, R> invalidCursor) {
                return page.apply(this);
            }

            public Page {
                events = List.copyOf(events);
            }
        }

        record IssueNotFound(IssueId issueId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<IssueNotFound, R> issueNotFound, Function<InvalidCursor, R> invalidCursor) {
                return issueNotFound.apply(this);
            }
        }

        record InvalidCursor(String reason) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<IssueNotFound, R> issueNotFound, Function<InvalidCursor, R> invalidCursor) {
                return invalidCursor.apply(this);
            }
        }
    }
}
