package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueSort;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * List issues of the actor's applications (or one of them, named by id or slug), filtered, sorted (descending)
 * and paged with an opaque cursor. The cursor belongs to the query it came from: reusing it with other filters,
 * another sort or by another user is refused as {@link Outcome.InvalidCursor}.
 */
public interface ListIssues {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.READ;

    int MAX_TEXT_LENGTH = 200;
    int MAX_RELEASE_LENGTH = Event.MAX_RELEASE_LENGTH;

    Outcome listIssues(Command command);

    /**
     * @param text  case-insensitive substring of title, culprit or exception type
     * @param since inclusive lower bound on last seen (in the release or environment filtered on, if any)
     * @param until exclusive upper bound on last seen (likewise)
     * @param seen  where and how the issue was seen: release, environment, level, opened or regressed since
     */
    record Command(Actor actor, Optional<ApplicationReference> application, Optional<IssueStatus> status,
            Optional<String> text, Optional<Instant> since, Optional<Instant> until, IssueSort sort, int limit,
            Optional<String> cursor, Seen seen) {

        public Command(Actor actor, Optional<ApplicationReference> application, Optional<IssueStatus> status,
                Optional<String> text, Optional<Instant> since, Optional<Instant> until, IssueSort sort, int limit,
                Optional<String> cursor) {
            this(actor, application, status, text, since, until, sort, limit, cursor, Seen.ANY);
        }

        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(status, "status");
            text = Objects.requireNonNull(text, "text").map(String::strip).filter(t -> !t.isEmpty());
            text.ifPresent(t -> InvalidValue.require(t.length() <= MAX_TEXT_LENGTH, "query",
                    "a search text is at most " + MAX_TEXT_LENGTH + " characters"));
            text.ifPresent(t -> InvalidValue.require(t.chars().noneMatch(Character::isISOControl), "query",
                    "a search text must not contain control characters"));
            since = Objects.requireNonNull(since, "since").map(Times::micros);
            until = Objects.requireNonNull(until, "until").map(Times::micros);
            if (since.isPresent() && until.isPresent()) {
                InvalidValue.require(since.get().isBefore(until.get()), "until",
                        "until (" + until.get() + ") must be after since (" + since.get() + ")");
            }
            Objects.requireNonNull(sort, "sort");
            Paging.checkPageSize(limit);
            cursor = Paging.checkCursor(Objects.requireNonNull(cursor, "cursor"));
            Objects.requireNonNull(seen, "seen");
        }

        public Command seenAs(Seen s) {
            return new Command(actor, application, status, text, since, until, sort, limit, cursor, s);
        }

        /** Every issue of the actor's applications, most recently seen first, one default page. */
        public static Command firstPage(Actor actor) {
            return new Command(actor, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), IssueSort.LAST_SEEN, Paging.DEFAULT_PAGE_SIZE, Optional.empty());
        }

        public Command inApplication(ApplicationReference reference) {
            return new Command(actor, Optional.of(reference), status, text, since, until, sort, limit, cursor, seen);
        }

        public Command inApplication(ApplicationId id) {
            return inApplication(ApplicationReference.to(id));
        }

        public Command withStatus(IssueStatus s) {
            return new Command(actor, application, Optional.of(s), text, since, until, sort, limit, cursor, seen);
        }

        public Command matching(String t) {
            return new Command(actor, application, status, Optional.of(t), since, until, sort, limit, cursor, seen);
        }

        public Command lastSeenBetween(Optional<Instant> from, Optional<Instant> to) {
            return new Command(actor, application, status, text, from, to, sort, limit, cursor, seen);
        }

        public Command sortedBy(IssueSort s) {
            return new Command(actor, application, status, text, since, until, s, limit, cursor, seen);
        }

        public Command limitedTo(int l) {
            return new Command(actor, application, status, text, since, until, sort, l, cursor, seen);
        }

        public Command after(String c) {
            return new Command(actor, application, status, text, since, until, sort, limit, Optional.of(c), seen);
        }
    }

    /**
     * Where and how an issue was seen, each optional, combined with AND.
     *
     * @param release                exact release name, as reported; orders the list by what was seen in it
     * @param environment            exact environment name, as reported; without a release, orders the list by
     *                               what was seen in it
     * @param level                  the issue's level
     * @param openedOrRegressedSince issues first seen, opened or regressed at or after this instant
     */
    record Seen(Optional<String> release, Optional<String> environment, Optional<Level> level,
            Optional<Instant> openedOrRegressedSince) {
        public static final Seen ANY = new Seen(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public Seen {
            release = Objects.requireNonNull(release, "release").map(String::strip).filter(r -> !r.isEmpty());
            release.ifPresent(r -> InvalidValue.require(r.length() <= MAX_RELEASE_LENGTH
                    && r.chars().noneMatch(Character::isISOControl), "release",
                    "a release is at most " + MAX_RELEASE_LENGTH + " characters without control characters"));
            environment = Objects.requireNonNull(environment, "environment").map(String::strip)
                    .filter(e -> !e.isEmpty());
            environment.ifPresent(e -> InvalidValue.require(e.matches("[A-Za-z0-9._-]{1,64}"), "environment",
                    "an environment is 1-64 letters, digits or . _ -, not \"" + e + "\""));
            Objects.requireNonNull(level, "level");
            openedOrRegressedSince = Objects.requireNonNull(openedOrRegressedSince, "openedOrRegressedSince")
                    .map(Times::micros);
        }
    }

    /**
     * What was seen of a listed issue in the release or environment a list is filtered on.
     *
     * @param dimension "release" or "environment"
     * @param value     the release's or environment's name
     */
    record SeenThere(String dimension, String value, Instant firstSeen, Instant lastSeen, long eventCount) {
        public SeenThere {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                Function<ApplicationNotFound, R> applicationNotFound, Function<InvalidCursor, R> invalidCursor);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<InvalidCursor, R> invalidCursor) {
                return notPermitted.apply(this);
            }
        }

        /**
         * Issues as seen now (a lapsed until-time mute reads unresolved); a next cursor when more follow. Under a
         * release or environment filter, {@code seenThere} holds each listed issue's figures in that release (or
         * environment: the release when both are filtered on), which is what orders the page; otherwise it is
         * empty.
         */
        record Page(List<Issue> issues, Optional<String> nextCursor, Map<IssueId, SeenThere> seenThere)
                implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<InvalidCursor, R> invalidCursor) {
                return page.apply(this);
            }

            public Page {
                issues = List.copyOf(issues);
                Objects.requireNonNull(nextCursor, "nextCursor");
                seenThere = Map.copyOf(seenThere);
            }

            /** A page without a release or environment filter. */
            public Page(List<Issue> issues, Optional<String> nextCursor) {
                this(issues, nextCursor, Map.of());
            }
        }

        /** No application of the actor's is named so (none is, or it is someone else's: the same answer). */
        record ApplicationNotFound(ApplicationReference reference) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<InvalidCursor, R> invalidCursor) {
                return applicationNotFound.apply(this);
            }
        }

        record InvalidCursor(String reason) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Page, R> page,
                    Function<ApplicationNotFound, R> applicationNotFound, Function<InvalidCursor, R> invalidCursor) {
                return invalidCursor.apply(this);
            }
        }
    }
}
