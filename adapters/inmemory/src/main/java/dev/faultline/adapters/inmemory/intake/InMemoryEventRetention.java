package dev.faultline.adapters.inmemory.intake;

import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.application.intake.port.out.EventRetention;
import dev.faultline.domain.intake.RetentionLimits;
import dev.faultline.domain.shared.Uuids;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Event;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The retention rule of {@link EventRetention}, computed over the in-memory repositories. */
public final class InMemoryEventRetention implements EventRetention {
    private static final Comparator<Event> OLDEST_FIRST = Comparator.comparing(Event::occurredAt)
            .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value()));

    private final InMemoryEvents events;
    private final InMemoryIssues issues;
    private final InMemoryIssueActivities activities;
    private final InMemoryIngestedEvents documents;

    public InMemoryEventRetention(InMemoryEvents events, InMemoryIssues issues, InMemoryIssueActivities activities,
            InMemoryIngestedEvents documents) {
        this.events = events;
        this.issues = issues;
        this.activities = activities;
        this.documents = documents;
    }

    @Override
    public int deleteExpendable(RetentionLimits limits, Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        List<Event> all = new ArrayList<>(events.all());
        all.sort(OLDEST_FIRST);
        Set<EventId> kept = new HashSet<>(activities.turningPoints());
        Map<IssueId, List<Event>> byIssue = all.stream().collect(Collectors.groupingBy(Event::issueId));
        byIssue.values().forEach(list -> {
            kept.add(list.get(0).id());
            kept.add(list.get(list.size() - 1).id());
        });
        Instant cutoff = now.minus(limits.maxAge());
        Set<EventId> doomed = new HashSet<>();
        all.stream().filter(e -> !kept.contains(e.id()) && e.occurredAt().isBefore(cutoff))
                .forEach(e -> doomed.add(e.id()));
        Map<ApplicationId, List<Event>> byApplication = all.stream().collect(Collectors.groupingBy(
                e -> issues.findById(e.issueId()).map(Issue::applicationId).orElseThrow()));
        byApplication.values().forEach(list -> {
            long excess = list.size() - (long) limits.maxEventsPerApplication();
            list.stream().filter(e -> !kept.contains(e.id())).limit(Math.max(0, excess))
                    .forEach(e -> doomed.add(e.id()));
        });
        Set<EventId> batch = all.stream().map(Event::id).filter(doomed::contains).limit(limit)
                .collect(Collectors.toSet());
        events.removeAll(batch);
        documents.removeAll(batch);
        return batch.size();
    }
}
