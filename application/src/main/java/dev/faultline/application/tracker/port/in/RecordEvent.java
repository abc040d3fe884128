package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.Permission;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ingest one crash report into an application: it joins the issue with the same fingerprint, or opens a new
 * one. Counting it may regress a resolved issue or end a mute.
 */
public interface RecordEvent {
    /** What the actor must be permitted to do, checked by the use case before anything else. */
    Permission REQUIRES = Permission.WRITE;

    Outcome recordEvent(Command command);

    record Command(Actor actor, ApplicationId applicationId, CrashReport report) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(report, "report");
        }
    }

    /** What the event did to its issue. */
    enum Effect {
        OPENED_ISSUE,
        COUNTED,
        REGRESSED,
        ENDED_MUTE,
        COUNTED_WHILE_MUTED
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<NotPermitted, R> notPermitted, Function<Recorded, R> recorded,
                Function<ApplicationNotFound, R> applicationNotFound);

        /** The actor lacks {@code required} (e.g. a read-only token); nothing was looked at or changed. */
        record NotPermitted(Permission required) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Recorded, R> recorded,
                    Function<ApplicationNotFound, R> applicationNotFound) {
                return notPermitted.apply(this);
            }
        }

        record Recorded(Issue issue, Event event, Effect effect) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Recorded, R> recorded,
                    Function<ApplicationNotFound, R> applicationNotFound) {
                return recorded.apply(this);
            }
        }

        record ApplicationNotFound(ApplicationId applicationId) implements Outcome {
            @Override
            public <R> R fold(
                    Function<NotPermitted, R> notPermitted, Function<Recorded, R> recorded,
                    Function<ApplicationNotFound, R> applicationNotFound) {
                return applicationNotFound.apply(this);
            }
        }
    }
}
