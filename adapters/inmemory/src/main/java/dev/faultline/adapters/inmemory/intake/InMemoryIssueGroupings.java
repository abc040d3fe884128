package dev.faultline.adapters.inmemory.intake;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.domain.intake.Grouping;
import dev.faultline.domain.tracker.IssueId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Grouping explanations in a map; the first one an issue gets stays. */
public final class InMemoryIssueGroupings implements IssueGroupings {
    private final Map<IssueId, Explanation> byIssue = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byIssue));

    @Override
    public void add(IssueId issueId, Grouping grouping) {
        table.write(() -> {
            byIssue.putIfAbsent(issueId, new Explanation(grouping.version(), grouping.explanation()));
        });
    }

    @Override
    public Optional<Explanation> find(IssueId issueId) {
        return table.read(() -> Optional.ofNullable(byIssue.get(issueId)));
    }
}
