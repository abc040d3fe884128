package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.GetCrashReport;
import dev.faultline.application.intake.port.out.IngestedEvents;
import dev.faultline.application.intake.port.out.IngestedEvents.IngestedEvent;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.Membership;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds one event and its SDK report in the actor's applications. An SDK {@code event_id} is unique per
 * application only: when two of the actor's applications hold the same one, the application with the smallest id
 * answers, so the answer never depends on the order memberships come back in.
 */
public class GetCrashReportService implements GetCrashReport {
    private final Issues issues;
    private final Memberships memberships;
    private final Events events;
    private final IngestedEvents ingestedEvents;
    private final Clock clock;

    public GetCrashReportService(Issues issues, Memberships memberships, Events events,
            IngestedEvents ingestedEvents, Clock clock) {
        this.issues = issues;
        this.memberships = memberships;
        this.events = events;
        this.ingestedEvents = ingestedEvents;
        this.clock = clock;
    }

    @Override
    public Outcome getCrashReport(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        UserId user = command.actor().user();
        Optional<EventId> id = command.event().eventId().or(() -> command.event().sdkEventId().flatMap(sdkId ->
                memberships.listByUser(user).stream().map(Membership::applicationId)
                        .sorted(Comparator.comparing(ApplicationId::toString))
                        .map(application -> ingestedEvents.findBySdkEventId(application, sdkId))
                        .flatMap(Optional::stream).findFirst().map(IngestedEvent::eventId)));
        Optional<Event> event = id.flatMap(events::findById);
        Optional<Issue> issue = event.flatMap(e -> issues.findById(e.issueId()))
                .filter(i -> memberships.find(i.applicationId(), user).isPresent());
        if (issue.isEmpty()) {
            return new Outcome.NotFound(command.event());
        }
        Optional<IngestedEvent> ingested = ingestedEvents.findByEventId(event.get().id());
        return new Outcome.Found(new CrashReport(event.get(), issue.get().asOf(clock.instant()),
                ingested.map(IngestedEvent::document), ingested.map(IngestedEvent::receivedAt)));
    }
}
