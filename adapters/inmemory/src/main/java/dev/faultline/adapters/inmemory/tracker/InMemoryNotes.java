package dev.faultline.adapters.inmemory.tracker;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.shared.Uuids;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import dev.faultline.domain.tracker.NoteId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notes in a map, listed oldest first. */
public final class InMemoryNotes implements Notes {
    private final Map<NoteId, Note> byId = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId));
    private final InMemoryIssueChanges changes;

    public InMemoryNotes() {
        this(new InMemoryIssueChanges());
    }

    /** Notes whose additions and deletions count as changes of their issue in {@code changes}. */
    public InMemoryNotes(InMemoryIssueChanges changes) {
        this.changes = changes;
    }

    @Override
    public void add(Note note) {
        table.write(() -> {
            if (byId.putIfAbsent(note.id(), note) != null) {
                throw new IllegalStateException("note " + note.id() + " is already stored");
            }
            changes.changed(note.issueId());
        });
    }

    @Override
    public Optional<Note> findById(NoteId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public List<Note> listByIssue(IssueId issueId) {
        return table.read(() -> byId.values().stream().filter(n -> n.issueId().equals(issueId))
                .sorted(Comparator.comparing(Note::createdAt)
                        .thenComparing((a, b) -> Uuids.compareUnsigned(a.id().value(), b.id().value())))
                .toList());
    }

    @Override
    public boolean delete(NoteId id) {
        return table.write(() -> {
            Note removed = byId.remove(id);
            if (removed != null) {
                changes.changed(removed.issueId());
            }
            return removed != null;
        });
    }
}
