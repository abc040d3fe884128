package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.util.Optional;

/**
 * What {@link GetIssue} shows of an issue the actor may see (checked by the caller, e.g. with
 * {@link MemberScope}): its application, latest and recent events and notes. Reads only; call inside a unit of work.
 */
public final class IssueDetailsReader {
    private final Applications applications;
    private final Events events;
    private final Notes notes;
    private final Clock clock;

    public IssueDetailsReader(Applications applications, Events events, Notes notes, Clock clock) {
        this.applications = applications;
        this.events = events;
        this.notes = notes;
        this.clock = clock;
    }

    /** Empty if the issue's application is gone. */
    public Optional<GetIssue.IssueDetails> read(Issue visible) {
        return applications.findById(visible.applicationId()).map(application -> {
            Events.Recent recent = events.recentOfIssue(visible.id(), GetIssue.RECENT_EVENTS);
            return new GetIssue.IssueDetails(visible.asOf(clock.instant()), application, recent.latest(),
                    recent.ids(), notes.listByIssue(visible.id()));
        });
    }
}
