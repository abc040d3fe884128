package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.domain.tracker.EventId;
import dev.faultline.domain.tracker.IssueActivity;
import dev.faultline.domain.tracker.IssueId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Activity records in the order they were added (a sequence number keeps it across a rolled-back unit). */
public final class InMemoryIssueActivities implements IssueActivities {
    private final Map<Long, IssueActivity> bySequence = new LinkedHashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(bySequence));
    private final InMemoryIssueChanges changes;
    private long sequence;

    public InMemoryIssueActivities() {
        this(new InMemoryIssueChanges());
    }

    /** Activity records whose additions count as changes of their issue in {@code changes}. */
    public InMemoryIssueActivities(InMemoryIssueChanges changes) {
        this.changes = changes;
    }

    @Override
    public void add(IssueActivity activity) {
        table.write(() -> {
            bySequence.put(++sequence, activity);
            changes.changed(activity.issueId());
        });
    }

    @Override
    public List<IssueActivity> listByIssue(IssueId issueId, int fetch) {
        return table.read(() -> bySequence.values().stream()
                .filter(a -> a.issueId().equals(issueId))
                .limit(fetch)
                .toList());
    }

    /** Every event an activity names: the turning points retention keeps. */
    public Set<EventId> turningPoints() {
        return table.read(() -> bySequence.values().stream()
                .map(IssueActivity::eventId)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet()));
    }
}
